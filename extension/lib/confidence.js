/**
 * How sure the classifier is of its suggestion, in words a worker can weigh:
 * "almost_certain", "likely" or "uncertain".
 *
 * The server's `confidence` (POST /classify) wins whenever it sends one. Without it (an older
 * server) the band is derived here with the server's own meaning (model/_classifier.py,
 * `confidence`): the calibrated probability that the suggested answer is right (the score for
 * "yes", one minus the score for "no"), at least 0.90 almost certain, at least 0.70 likely.
 */

export const BANDS = Object.freeze(["almost_certain", "likely", "uncertain"]);

const LOWER_BOUNDS = Object.freeze([["almost_certain", 0.9], ["likely", 0.7], ["uncertain", 0]]);

/** The band for a classification {label, score, threshold, confidence?}; null when there is none. */
export function confidenceBand(classification) {
  if (!classification || typeof classification !== "object") return null;
  if (BANDS.includes(classification.confidence)) return classification.confidence;
  const score = Number(classification.score);
  const threshold = Number(classification.threshold ?? 0.5);
  if (!Number.isFinite(score) || !Number.isFinite(threshold)) return null;
  const harmful = classification.label === undefined ? score >= threshold : classification.label === 1;
  const pSuggested = harmful ? score : 1 - score;
  return LOWER_BOUNDS.find(([, lower]) => pSuggested >= lower)[0];
}

/** The message key for a band ("confidence_likely"). */
export function confidenceMessageKey(band) {
  return `confidence_${band}`;
}
