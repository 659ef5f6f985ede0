/**
 * Background script: the context-menu item on selected text. A click stores the selection in
 * session storage and opens the popup (or, where the browser will not, a small extension window).
 * Listeners are registered at top level so the browser can wake this script for them.
 */
import { MENU_ASSESS, PENDING_KEY, SELECTION_CAP, WINDOW_SIZE } from "./lib/ids.js";
import { detectPlatform } from "./lib/platforms.js";
import { truncateText } from "./lib/format.js";
import { loadSettings, resolveLang } from "./lib/settings.js";
import { loadMessages, translate } from "./lib/i18n.js";

/** The menu title in the language chosen in the options (chrome.i18n only knows the browser's). */
async function menuTitle() {
  try {
    const settings = await loadSettings();
    const lang = resolveLang(settings.lang, chrome.i18n.getUILanguage());
    return translate(await loadMessages(lang), "menuAssess");
  } catch {
    return chrome.i18n.getMessage("menuAssess");
  }
}

async function createMenu() {
  await chrome.contextMenus.removeAll();
  chrome.contextMenus.create({
    id: MENU_ASSESS,
    title: chrome.i18n.getMessage("menuAssess"),
    contexts: ["selection"],
  });
  await chrome.contextMenus.update(MENU_ASSESS, { title: await menuTitle() });
}

async function openAssessment() {
  try {
    await chrome.action.openPopup();
  } catch {
    // No popup from here (no focused window, or an older browser): a small window instead.
    await chrome.windows.create({
      url: chrome.runtime.getURL("popup/popup.html?window=1"),
      type: "popup",
      ...WINDOW_SIZE,
    });
  }
}

function onMenuClicked(info, tab) {
  if (info.menuItemId !== MENU_ASSESS) return Promise.resolve();
  const text = String(info.selectionText ?? "").trim();
  const pageUrl = info.pageUrl || tab?.url || "";
  const pending = {
    ...truncateText(text, SELECTION_CAP),
    platform: detectPlatform(pageUrl),
    // Only for the worker's own follow-up list (storage.local); never sent to the server.
    pageUrl,
    at: Date.now(),
  };
  // Firefox opens a popup only while handling the click, so open it before anything awaits;
  // the popup also watches session storage in case the selection arrives after it has started.
  const stored = chrome.storage.session.set({ [PENDING_KEY]: pending });
  return Promise.all([stored, openAssessment()]);
}

chrome.runtime.onInstalled.addListener(() => {
  createMenu();
});

chrome.contextMenus.onClicked.addListener((info, tab) => {
  onMenuClicked(info, tab).catch((err) => console.error("Reageerwijzer: could not open the assessment", err));
});

chrome.storage.onChanged.addListener((changes, area) => {
  if (area === "local" && changes.lang) {
    menuTitle().then((title) => chrome.contextMenus.update(MENU_ASSESS, { title })).catch(() => {});
  }
});
