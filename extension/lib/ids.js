/** Names shared by the background script and the pages: menu item, storage keys, limits. */

export const MENU_ASSESS = "reageerwijzer-assess";

// chrome.storage.session: the selection of the last menu click. Session storage lives in memory
// only, so a post text never lands on disk through the extension.
export const PENDING_KEY = "pending";

// chrome.storage.local: the last guideline the server sent, per language, for offline use.
export const guidelineKey = (lang) => `guideline:${lang}`;

// The selection kept from a menu click is cut here, only to bound memory; the popup cuts it again
// to the server's own limit (the vocabulary's max_text_chars, lib/vocabulary.js).
export const SELECTION_CAP = 100000;

// Size of the small window opened where a browser cannot open the action popup itself.
export const WINDOW_SIZE = Object.freeze({ width: 420, height: 640 });
