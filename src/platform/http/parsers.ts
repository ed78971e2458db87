import type {FastifyInstance} from 'fastify'

// The largest request body the platform reads (the server's and each parser's limit); a larger one
// answers 413 naming it (see errors.ts).
export const BODY_LIMIT_BYTES = 1024 * 1024

// JSON in every spelling clients send (plain, heroku vendor type), empty bodies allowed (DELETE
// with a content type and nothing else), and forms for the OAuth token endpoint.
export function registerParsers(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json')
  app.addContentTypeParser(/^application\/([\w.+-]*\+)?json/, {parseAs: 'string', bodyLimit: BODY_LIMIT_BYTES}, (_req, body, done) => {
    const text = String(body)
    if (text.trim() === '') return done(null, undefined)
    try {
      done(null, JSON.parse(text))
    } catch {
      const error = new Error('The request body is not valid JSON.') as Error & {statusCode: number; code: string}
      error.statusCode = 400
      error.code = 'FST_ERR_CTP_INVALID_JSON_BODY'
      done(error, undefined)
    }
  })
  app.addContentTypeParser('application/x-www-form-urlencoded', {parseAs: 'string', bodyLimit: BODY_LIMIT_BYTES}, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))))
  })
}
