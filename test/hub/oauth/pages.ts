import type { Reply } from '../core/router';
import type { Scope, UserRecord } from '../state';
import { SCOPE_DESCRIPTIONS } from './scopes';

/** HTML-escapes text for element content and attribute values. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

const STYLE = `
body { font-family: system-ui, sans-serif; background: #f4f5f7; color: #1d2433; margin: 0; }
main { max-width: 420px; margin: 64px auto; background: #fff; border-radius: 12px; padding: 32px;
  box-shadow: 0 2px 12px rgba(29, 36, 51, 0.08); }
h1 { font-size: 1.35rem; margin: 0 0 8px; }
p { line-height: 1.5; }
.brand { color: #5b3cc4; font-weight: 600; font-size: 0.85rem; letter-spacing: 0.04em; text-transform: uppercase; }
label { display: block; margin: 16px 0 6px; font-weight: 600; }
input[type=email], input[type=password] { width: 100%; box-sizing: border-box; padding: 10px;
  border: 1px solid #c6cad3; border-radius: 6px; font-size: 1rem; }
button { padding: 10px 18px; border-radius: 6px; border: 1px solid #5b3cc4; font-size: 1rem; cursor: pointer; }
.primary { background: #5b3cc4; color: #fff; }
.secondary { background: #fff; color: #5b3cc4; }
.actions { display: flex; gap: 12px; margin-top: 24px; }
.error { background: #fdecec; color: #9b1c1c; padding: 10px 12px; border-radius: 6px; }
ul.scopes { padding: 0; list-style: none; }
ul.scopes li { border: 1px solid #e3e5ea; border-radius: 6px; padding: 10px 12px; margin: 8px 0; }
ul.scopes code { font-weight: 600; color: #5b3cc4; }
`;

const HTML_HEADERS = { 'Cache-Control': 'no-store', 'X-Frame-Options': 'DENY' };

function page(status: number, title: string, content: string): Reply {
	const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} - Agentic Developer Hub</title><style>${STYLE}</style></head>
<body><main>
<div class="brand">Agentic Developer Hub</div>
${content}
</main></body>
</html>`;
	return { status, html, headers: HTML_HEADERS };
}

function hidden(fields: Record<string, string>): string {
	return Object.entries(fields)
		.map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
		.join('\n');
}

export function signInPage(options: { requestId: string; clientName: string; email?: string; failed?: boolean }): Reply {
	return page(
		options.failed ? 401 : 200,
		'Sign in',
		`<h1>Sign in</h1>
<p><strong>${escapeHtml(options.clientName)}</strong> wants to connect to your Hub account.</p>
${options.failed ? '<p class="error" role="alert">Wrong email or password.</p>' : ''}
<form method="post" action="/api/oauth/signin/login">
${hidden({ request: options.requestId })}
<label for="email">Email</label>
<input id="email" type="email" name="email" autocomplete="username" required value="${escapeHtml(options.email ?? '')}">
<label for="password">Password</label>
<input id="password" type="password" name="password" autocomplete="current-password" required>
<div class="actions"><button class="primary" type="submit">Sign in</button></div>
</form>`,
	);
}

export function consentPage(options: {
	requestId: string;
	nonce: string;
	clientName: string;
	user: UserRecord;
	scopes: Scope[];
}): Reply {
	const scopes = options.scopes
		.map((scope) => `<li><code>${scope}</code><br>${escapeHtml(SCOPE_DESCRIPTIONS[scope])}</li>`)
		.join('\n');
	return page(
		200,
		'Allow access',
		`<h1>Allow ${escapeHtml(options.clientName)} to access your account?</h1>
<p>Signed in as <strong>${escapeHtml(options.user.name)}</strong> (${escapeHtml(options.user.email)}).
It asks for:</p>
<ul class="scopes">
${scopes}
</ul>
<form method="post" action="/api/oauth/signin/consent">
${hidden({ request: options.requestId, nonce: options.nonce })}
<div class="actions">
<button class="primary" type="submit" name="decision" value="approve">Approve</button>
<button class="secondary" type="submit" name="decision" value="deny">Deny</button>
</div>
</form>`,
	);
}

/** For requests that cannot be sent back to the app (unknown client, untrusted redirect URI). */
export function errorPage(status: number, message: string): Reply {
	return page(status, 'Cannot continue', `<h1>Cannot continue</h1>\n<p class="error" role="alert">${escapeHtml(message)}</p>`);
}
