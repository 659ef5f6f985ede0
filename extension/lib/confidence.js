/**
 * How sure the classifier is of its suggestion, in words a worker can weigh:
 * "almost_certain", "likely" or "uncertain".
 *
 * The server's `confidence` (POST /classify) wins whenever it sends one. Without it the band is
 * derived here from `score` and `threshold`, with the same meaning: how far the score lies from
 * the threshold, as a share of the room on the side of the suggestion (1 = as far as it can be).
 */

export const BANDS = Object.freeze(["almost_certain", "likely", "uncertain"]);

// Share of the room between the threshold and 0 or 1 (0.5 -> 0.9 and 0.1 for almost certain,
// 0.7 and 0.3 for likely at a threshold of 0.5).
const ALMOST_CERTAIN = 0.8;
const LIKELY = 0.4;

/** The band for a classification {label, score, threshold, confidence?}; null when there is none. */
export function confidenceBand(classification) {
  if (!classification || typeof classification !== "object") return null;
  if (BANDS.includes(classification.confidence)) return classification.confidence;
  const score = Number(classification.score);
  const threshold = Number(classification.threshold ?? 0.5);
  if (!Number.isFinite(score) || !Number.isFinite(threshold) || threshold <= 0 || threshold >= 1) return null;
  const harmful = classification.label === undefined ? score >= threshold : classification.label === 1;
  const share = harmful ? (score - threshold) / (1 - threshold) : (threshold - score) / threshold;
  if (share >= ALMOST_CERTAIN) return "almost_certain";
  if (share >= LIKELY) return "likely";
  return "uncertain";
}

/** The message key for a band ("confidence_likely"). */
export function confidenceMessageKey(band) {
  return `confidence_${band}`;
}
