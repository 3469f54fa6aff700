import { randomUUID } from 'crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';

/*
 * A scripted stand-in for an OpenAI-compatible chat model: `POST /v1/chat/completions` answers
 * with the next step of a script (tool calls, or a final answer), and every request is recorded,
 * so a test can see exactly what an n8n AI Agent sent the model: the tools (names, descriptions,
 * parameter schemas) and the tool results. Streaming requests get the same answer as server-sent
 * chunks. Nothing else is served (404, recorded as well).
 */

export interface ChatMessage {
	role: 'system' | 'user' | 'assistant' | 'tool';
	content: string | null | Array<{ type: string; text?: string }>;
	tool_calls?: Array<{ id: string; type: 'function'; function: { name: string; arguments: string } }>;
	tool_call_id?: string;
}

export interface ChatTool {
	type: 'function';
	function: { name: string; description?: string; parameters?: Record<string, unknown> };
}

export interface ChatRequest {
	model: string;
	messages: ChatMessage[];
	tools?: ChatTool[];
	stream?: boolean;
	[key: string]: unknown;
}

export type ModelTurn = { toolCalls: Array<{ name: string; arguments: Record<string, unknown> }> } | { answer: string };

/** One step of the script: what the model says next, given the conversation so far. */
export type ScriptStep = (request: ChatRequest) => ModelTurn;

export interface ScriptedModel {
	/** The base URL to give n8n's OpenAI credential (it ends in `/v1`). */
	baseUrl: string;
	/** Every chat-completions request, in order. */
	requests: ChatRequest[];
	/** Requests to anything but chat completions, and script steps that threw. */
	unexpected: string[];
	/** Replaces the script; each request consumes the next step. */
	script(steps: ScriptStep[]): void;
	/** Steps not yet consumed. */
	remainingSteps(): number;
	close(): Promise<void>;
}

/** The text of a message's content (a string, or text parts). */
export function textOf(message: ChatMessage): string {
	if (typeof message.content === 'string') return message.content;
	return (message.content ?? []).map((part) => part.text ?? '').join('');
}

/** The content of the tool results the model has been given so far, oldest first. */
export function toolResults(request: ChatRequest): string[] {
	return request.messages.filter((message) => message.role === 'tool').map(textOf);
}

function completion(request: ChatRequest, turn: ModelTurn) {
	const message =
		'answer' in turn
			? { role: 'assistant', content: turn.answer }
			: {
					role: 'assistant',
					content: null,
					tool_calls: turn.toolCalls.map((call) => ({ id: `call_${randomUUID().slice(0, 8)}`, type: 'function', function: { name: call.name, arguments: JSON.stringify(call.arguments) } })),
				};
	return {
		id: `chatcmpl-${randomUUID()}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model: request.model,
		choices: [{ index: 0, message, finish_reason: 'answer' in turn ? 'stop' : 'tool_calls' }],
		usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
	};
}

function streamCompletion(response: ServerResponse, answer: ReturnType<typeof completion>): void {
	const [choice] = answer.choices;
	const { tool_calls: toolCalls, ...message } = choice.message as { role: string; content: string | null; tool_calls?: Array<Record<string, unknown>> };
	const chunk = (delta: Record<string, unknown>, finish: string | null) =>
		`data: ${JSON.stringify({ id: answer.id, object: 'chat.completion.chunk', created: answer.created, model: answer.model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
	response.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
	response.write(chunk({ ...message, ...(toolCalls ? { tool_calls: toolCalls.map((call, index) => ({ index, ...call })) } : {}) }, null));
	response.write(chunk({}, choice.finish_reason));
	response.end('data: [DONE]\n\n');
}

async function readJson(request: IncomingMessage): Promise<unknown> {
	const chunks: Buffer[] = [];
	for await (const chunk of request) chunks.push(chunk as Buffer);
	return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

export async function startScriptedModel(): Promise<ScriptedModel> {
	let steps: ScriptStep[] = [];
	const requests: ChatRequest[] = [];
	const unexpected: string[] = [];
	const server = createServer((request, response) => {
		void (async () => {
			const path = (request.url ?? '').split('?')[0];
			if (request.method !== 'POST' || !/^(\/v1)?\/chat\/completions$/.test(path)) {
				unexpected.push(`${request.method} ${request.url}`);
				response.writeHead(404, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: { message: 'not served by the scripted model' } }));
				return;
			}
			const body = (await readJson(request)) as ChatRequest;
			requests.push(body);
			const step = steps.shift();
			if (!step) {
				response.writeHead(500, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: { message: 'the script has no step left' } }));
				return;
			}
			const answer = completion(body, step(body));
			if (body.stream) streamCompletion(response, answer);
			else response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer));
		})().catch((error: Error) => {
			unexpected.push(`script error: ${error.message}`);
			if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'application/json' });
			response.end(JSON.stringify({ error: { message: error.message } }));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		baseUrl: `http://127.0.0.1:${port}/v1`,
		requests,
		unexpected,
		script: (next) => {
			steps = [...next];
		},
		remainingSteps: () => steps.length,
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
