/** Names shared by the background script and the pages: menu item, storage keys, limits. */

export const MENU_ASSESS = "reageerwijzer-assess";

// chrome.storage.session: the selection of the last menu click. Session storage lives in memory
// only, so a post text never lands on disk through the extension.
export const PENDING_KEY = "pending";

// chrome.storage.local: the last guideline the server sent, per language, for offline use.
export const guidelineKey = (lang) => `guideline:${lang}`;

// The server accepts at most this many characters of a post (MAX_TEXT_CHARS).
export const MAX_TEXT_CHARS = 5000;

// Size of the small window opened where a browser cannot open the action popup itself.
export const WINDOW_SIZE = Object.freeze({ width: 420, height: 640 });
