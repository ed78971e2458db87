import type {Domain} from '../../wire/platform-api.js'
import type {AppRow, DomainRow} from '../store/schema.js'

// The platform serves no TLS of its own: there is never an SNI endpoint to name.
export function domain(row: DomainRow, app: Pick<AppRow, 'id' | 'name'>): Domain {
  return {
    id: row.id, hostname: row.hostname, kind: row.kind as Domain['kind'], cname: row.cname, status: row.status,
    acm_status: row.acm_status, acm_status_reason: row.acm_status_reason, sni_endpoint: null,
    app: {id: app.id, name: app.name}, created_at: row.created_at, updated_at: row.updated_at,
  }
}
