// The sign-in page of a server that listens beyond this machine: one field, the token.
import type { WritePolicy } from '../views/types.ts';
import { escapeHtml } from './escape.ts';
import { renderPage } from './html-layout.ts';

export function renderLoginPage(baseUrl: string, policy: WritePolicy, problem?: string): string {
  const body =
    policy === 'token'
      ? `<h1>Sign in</h1><p>Saving, hiding, starring and watches on this server need its token (CURATOR_TOKEN).</p>
${problem ? `<p class="n warn" role=alert>${escapeHtml(problem)}</p>` : ''}<form method=post action="${baseUrl}/login">
<label for=token>Token</label> <input id=token name=token type=password autocomplete=current-password required>
<button>Sign in</button></form>`
      : policy === 'open'
        ? '<h1>Sign in</h1><p>No need: this server listens on this machine only, and anyone here may write.</p>'
        : '<h1>Sign in</h1><p>This server is read-only: it listens beyond this machine and CURATOR_TOKEN is not set.</p>';
  return renderPage({ title: 'Sign in · arxiv-curator', baseUrl, body });
}
