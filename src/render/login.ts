// The sign-in page of a server whose writes need its token: one field, the token; or, signed in,
// the button that signs out.
import { escapeHtml } from './escape.ts';
import { renderPage } from './html-layout.ts';

/** What this client sees: it needs no token, may sign in, is signed in, or cannot write here at all. */
export type LoginState = 'not-needed' | 'sign-in' | 'signed-in' | 'no-token';

export function renderLoginPage(baseUrl: string, state: LoginState, problem?: string): string {
  const alert = problem ? `<p class="n warn" role=alert>${escapeHtml(problem)}</p>` : '';
  const bodies: Record<LoginState, string> = {
    'sign-in': `<h1>Sign in</h1><p>Saving, hiding, starring and watches on this server need its token (CURATOR_TOKEN).</p>
${alert}<form method=post action="${baseUrl}/login">
<label for=token>Token</label> <input id=token name=token type=password autocomplete=current-password required>
<button>Sign in</button></form>`,
    'signed-in': `<h1>Signed in</h1><p>This browser may save, hide, star and watch here for 30 days, or until you sign out.</p>
<form method=post action="${baseUrl}/logout"><button>Sign out</button></form>`,
    'not-needed':
      '<h1>Sign in</h1><p>No need: you reach this server from its own machine, and anyone here may write.</p>',
    'no-token': `<h1>Sign in</h1>${alert}<p>This server takes writes only from its own machine (not through a proxy): CURATOR_TOKEN is not set.</p>`,
  };
  return renderPage({ title: 'Sign in · arxiv-curator', baseUrl, body: bodies[state] });
}
