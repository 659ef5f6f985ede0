/**
 * Splits a post text into plain and highlighted pieces for the classifier's explanation terms,
 * so the popup can show which words weighed most without ever building HTML from the text.
 */

const WORD_CHAR = /[\p{L}\p{N}_]/u;

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function atWordBoundaries(text, start, end) {
  const before = start > 0 ? text[start - 1] : "";
  const after = end < text.length ? text[end] : "";
  return !(before && WORD_CHAR.test(before)) && !(after && WORD_CHAR.test(after));
}

/** Where `term` occurs in `text` (case-insensitive); whole-word matches win when there are any. */
function occurrences(text, term) {
  const found = [];
  for (const m of text.matchAll(new RegExp(escapeRegExp(term), "giu"))) {
    found.push({ start: m.index, end: m.index + m[0].length });
  }
  const whole = found.filter((o) => atWordBoundaries(text, o.start, o.end));
  return whole.length ? whole : found;
}

/**
 * [{text, highlight, weight?}] covering `text` in order. Only the `limit` heaviest terms with a
 * positive weight (those that pushed towards "harmful") are highlighted: more would hide which
 * words mattered. Longer terms win where matches overlap.
 */
export function highlightSegments(text, explanation = [], { limit = 5 } = {}) {
  const terms = (explanation || [])
    .filter((e) => e && typeof e.term === "string" && e.term.trim() && Number(e.weight) > 0)
    .map((e) => ({ term: e.term.trim(), weight: Number(e.weight) }))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, limit)
    .sort((a, b) => b.term.length - a.term.length || b.weight - a.weight);

  const taken = [];
  for (const { term, weight } of terms) {
    for (const o of occurrences(text, term)) {
      if (taken.every((t) => o.end <= t.start || o.start >= t.end)) taken.push({ ...o, weight });
    }
  }
  taken.sort((a, b) => a.start - b.start);

  const segments = [];
  let pos = 0;
  for (const t of taken) {
    if (t.start > pos) segments.push({ text: text.slice(pos, t.start), highlight: false });
    segments.push({ text: text.slice(t.start, t.end), highlight: true, weight: t.weight });
    pos = t.end;
  }
  if (pos < text.length) segments.push({ text: text.slice(pos), highlight: false });
  return segments;
}
