/**
 * The manifest: the one small file a widget fetches fresh, naming the
 * content-hashed payload. Apart from the payload's code so that the
 * widget's loader can start the download without carrying the engine.
 */

/** The manifest's fixed name; it sits next to the widget script and names the payload. */
export const MANIFEST_FILE = 'admissions-chat.kb.json';

/** The small, always-fresh file that names the current content-hashed payload. */
export interface KnowledgeManifest {
  format: number;
  /** File name of the payload, relative to the manifest. */
  file: string;
  entries: number;
}
