import { MIN_SECRET_CHARS, redact } from '../model/redact';

/** Longer texts are redacted each time: remembering them would hold too much. */
const MAX_REMEMBERED_CHARS = 512;
/** Forgotten all at once when full, so the memory held stays bounded on any account. */
const MAX_REMEMBERED_TEXTS = 20_000;

/**
 * `redact(text)` for one audit, remembered: the same path, message, name or key comes back in
 * finding after finding (every integration response of a copied configuration says the same
 * thing), and looking a text up costs a fraction of running the credential patterns over it.
 * Only for texts redacted without known secrets: with them the answer depends on the node.
 */
export class RedactionMemo {
  private readonly redacted = new Map<string, string>();

  text(text: string): string {
    if (text.length < MIN_SECRET_CHARS || text.length > MAX_REMEMBERED_CHARS) return redact(text);
    let clean = this.redacted.get(text);
    if (clean === undefined) {
      clean = redact(text);
      if (this.redacted.size >= MAX_REMEMBERED_TEXTS) this.redacted.clear();
      this.redacted.set(text, clean);
    }
    return clean;
  }
}
