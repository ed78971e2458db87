import type {ReleaseRow} from '../store/schema.js'

// A release can be rolled back to when it recorded the user-set config vars it ended with: every
// release since that was kept (the current one too, as on Heroku, where the heroku CLI's default
// rollback takes the second eligible release, counting the current one as the first). Its own file:
// the release serializer shows it, and the serializers sit below the services that publish events.
export function eligibleForRollback(release: Pick<ReleaseRow, 'config'>): boolean {
  return release.config !== null
}
