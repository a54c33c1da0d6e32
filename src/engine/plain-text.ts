/**
 * Plain text of the small, sanitised HTML the kb build produces: what a
 * visitor reads, for the CLI, for screen-reader summaries and for tests. The
 * engine has no DOM, and the allow-listed HTML needs none.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** Text content of allow-listed HTML, with list items on their own lines. */
export function plainText(html: string): string {
  return html
    .replace(/<li[^>]*>/g, '\n• ')
    .replace(/<\/(p|ul|ol)>/g, '\n')
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name])
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}
