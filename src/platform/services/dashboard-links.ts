// An add-on's web_url (what `heroku addons:open` opens): its page in the platform's dashboard that
// opens the provider's dashboard by single sign-on, as Heroku's addons-sso pages do. The link carries
// no credential: a browser signed in to the dashboard goes on to a fresh SSO login signed for its
// account (if that account may see the add-on); any other browser is asked to sign in first
// (platform/dashboard/routes/addon-open.ts). Links of earlier versions, which carried a key, lead
// to the same page and the key counts for nothing.

// null when the service has no single sign-on: there is no dashboard to open
export function dashboardUrl(baseUrl: string, addonId: string, ssoSalt: string | undefined): string | null {
  if (!ssoSalt) return null
  return `${baseUrl.replace(/\/+$/, '')}/dashboard/addons/${encodeURIComponent(addonId)}/open`
}
