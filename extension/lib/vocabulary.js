/**
 * What the server accepts: its languages, harm categories and longest text. GET /health serves
 * it (`vocabulary`); the popup keeps the last one received and falls back to the copy bundled in
 * guideline/vocabulary.json (written by `npm run guideline` from the server's own values).
 */

export const VOCABULARY_KEY = "vocabulary";

/** A vocabulary as the server sent it, checked; null when it is missing or malformed. */
export function vocabularyFrom(value) {
  if (!value || typeof value !== "object") return null;
  const { languages, categories, max_text_chars: maxTextChars } = value;
  const names = (list) => Array.isArray(list) && list.length > 0 && list.every((x) => typeof x === "string" && /^[a-z_]+$/.test(x));
  if (!names(languages) || !names(categories) || !Number.isInteger(maxTextChars) || maxTextChars < 1) return null;
  return Object.freeze({ languages: [...languages], categories: [...categories], max_text_chars: maxTextChars });
}

/** The message key naming a harm category ("category_hurtful"); unknown ones show their id. */
export function categoryMessageKey(category) {
  return `category_${category}`;
}

/** The message key naming a language ("language_nl"). */
export function languageMessageKey(lang) {
  return `language_${lang}`;
}

/**
 * The vocabulary to use: the server's (kept for next time), else the last one kept, else the
 * bundled copy. `storage` is chrome.storage.local; `bundled()` reads the bundled file.
 */
export async function chooseVocabulary(fromServer, storage, bundled) {
  const served = vocabularyFrom(fromServer);
  if (served) {
    await storage.set({ [VOCABULARY_KEY]: served });
    return served;
  }
  const kept = vocabularyFrom((await storage.get(VOCABULARY_KEY))[VOCABULARY_KEY]);
  return kept ?? vocabularyFrom(await bundled());
}
