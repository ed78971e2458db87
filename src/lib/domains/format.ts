import type {Domain} from '../api/types.js'
import {formatHeader, formatKeyValues, type KeyValue} from '../output/key-value.js'
import {sortByText} from '../output/sort-by-text.js'
import {renderTable, type Column} from '../output/table.js'

// An apex domain (example.com) cannot hold a CNAME record next to its other records: DNS providers
// offer ALIAS or ANAME records for it instead. Two labels is taken as the apex; suffixes of more than
// one label (co.uk) are not known here.
export function dnsRecordType(hostname: string): string {
  return !hostname.startsWith('*.') && hostname.split('.').length === 2 ? 'ALIAS or ANAME' : 'CNAME'
}

const CUSTOM_COLUMNS: Column<Domain>[] = [
  {header: 'Domain Name', get: (d) => d.hostname},
  {header: 'DNS Record Type', get: (d) => dnsRecordType(d.hostname)},
  {header: 'DNS Target', get: (d) => d.cname ?? ''},
]

// `domains`: the app's default domain, then its custom ones as a table (left out when there are none).
export function formatDomainList(app: string, domains: Domain[]): string[] {
  const own = domains.find((d) => d.kind === 'heroku')
  const custom = sortByText(domains.filter((d) => d.kind === 'custom'), (d) => [d.hostname])
  const lines = [formatHeader(`${app} Heroku Domain`), ...(own ? [own.hostname] : [])]
  if (custom.length > 0) lines.push('', formatHeader(`${app} Custom Domains`), ...renderTable(CUSTOM_COLUMNS, custom).split('\n'))
  return lines
}

// `domains:add`: where the user's DNS must point, and what to wait for when the target is not ready yet.
export function formatDnsInstructions(domain: Domain, app: string, bin: string): string[] {
  const record = dnsRecordType(domain.hostname)
  const lines = domain.cname
    ? [`Configure your DNS provider: point ${record === 'CNAME' ? 'a' : 'an'} ${record} record for ${domain.hostname} at ${domain.cname}.`]
    : []
  if (domain.status === 'pending') {
    lines.push(`The domain is still being set up: \`${bin} domains:info ${domain.hostname} --app ${app}\` shows its status.`)
  }
  return lines
}

// `domains:info`: the domain's facts in alphabetical order; ACM and SNI only when they say something.
export function formatDomainInfo(domain: Domain): string[] {
  const entries: KeyValue[] = []
  if (domain.acm_status !== null) entries.push(['ACM Status', domain.acm_status])
  if (domain.acm_status_reason !== null) entries.push(['ACM Status Reason', domain.acm_status_reason])
  entries.push(['App', domain.app.name], ['Created At', domain.created_at])
  if (domain.cname !== null) entries.push(['DNS Record Type', dnsRecordType(domain.hostname)], ['DNS Target', domain.cname])
  entries.push(['ID', domain.id], ['Kind', domain.kind])
  if (domain.sni_endpoint !== null) entries.push(['SNI Endpoint', domain.sni_endpoint.name])
  entries.push(['Status', domain.status], ['Updated At', domain.updated_at])
  return [formatHeader(domain.hostname), ...formatKeyValues(entries)]
}
