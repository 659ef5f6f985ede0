/**
 * The popup: shows the selected post, asks the guideline's questions one at a time with the first
 * answer suggested by the classifier, and gives the advice. It asks the server (the source of
 * truth) while the server answers, and walks the guideline itself when it does not.
 *
 * The walk's state lives in lib/session.js (pure, tested under node); this file renders it and
 * turns clicks into new sessions.
 */
import { createClient, exampleBody } from "../lib/api.js";
import { caseRecord, caseSummary } from "../lib/casefile.js";
import { confidenceBand, confidenceMessageKey } from "../lib/confidence.js";
import { el, fill } from "../lib/dom.js";
import { describeFailure, saveFailureKey, statusDetail } from "../lib/failures.js";
import { FOLLOW_UP_KEY, addDays, addFollowUp, dueFollowUps, followUpLink, isoDate, removeFollowUp, withoutExpired } from "../lib/followup.js";
import { displayOrigin, mailtoUrl, percent, telUrl, truncateText } from "../lib/format.js";
import { isGuideline, walk } from "../lib/guideline.js";
import { highlightSegments } from "../lib/highlight.js";
import { applyI18n, loadMessages, translator } from "../lib/i18n.js";
import { PENDING_KEY, guidelineKey } from "../lib/ids.js";
import { withManagedEmergency } from "../lib/managed.js";
import { reportingHelp } from "../lib/platforms.js";
import * as walkSession from "../lib/session.js";
import { loadSettings, resolveLang } from "../lib/settings.js";
import { categoryMessageKey, chooseVocabulary, languageMessageKey } from "../lib/vocabulary.js";

const $ = (id) => document.getElementById(id);

const ui = {
  t: (key) => key,
  lang: "nl",
  settings: null,
  client: null,
  vocabulary: null,
  guideline: null,
  guidelineSource: "bundled", // "server" | "stored" | "bundled"
  session: walkSession.newSession(),
  advice: null,
  // The harm category the tips are chosen for: the classifier's, until the worker picks one.
  category: null,
  caseLogged: new Set(),
  busy: false,
};

// -- start ----------------------------------------------------------------------------------

async function init() {
  if (new URLSearchParams(location.search).has("window")) document.body.classList.add("windowed");
  ui.settings = await loadSettings();
  ui.lang = resolveLang(ui.settings.lang, chrome.i18n.getUILanguage());
  ui.t = translator(await loadMessages(ui.lang));
  document.documentElement.lang = ui.lang;
  applyI18n(document, ui.t);
  document.title = ui.t("popupTitle");
  wireEvents();
  renderKeys();

  const stored = await chrome.storage.session.get(PENDING_KEY);
  ui.client = createClient({ baseUrl: ui.settings.serverUrl, token: ui.settings.token });
  ui.vocabulary = await chooseVocabulary(null, chrome.storage.local, bundledVocabulary);
  ui.session = walkSession.newSession(cutToLimit(stored[PENDING_KEY] || null));
  renderPost();
  await renderDue();

  await connect();
  await advise();
  document.body.dataset.ready = "1";
}

async function bundledVocabulary() {
  return (await fetch(chrome.runtime.getURL("guideline/vocabulary.json"))).json();
}

/** The selection cut to the server's text limit (the background script keeps more). */
function cutToLimit(pending) {
  if (!pending?.text) return pending;
  const cut = truncateText(pending.text, ui.vocabulary.max_text_chars);
  return { ...pending, text: cut.text, truncated: Boolean(pending.truncated) || cut.truncated };
}

/** Ask the server for its health, the guideline and the classifier's view, all at once. */
async function connect() {
  const text = ui.session.pending?.text || "";
  const [health, guideline, classification] = await Promise.allSettled([
    ui.client.health(),
    ui.client.guideline(ui.lang),
    text ? ui.client.classify(text, ui.lang) : Promise.resolve(null),
  ]);
  const { session, failure } = walkSession.connected(ui.session, { health, guideline, classification });
  ui.session = session;
  if (session.health) {
    // The server's vocabulary replaces the kept one; its limit may be lower than the one used.
    ui.vocabulary = await chooseVocabulary(session.health.vocabulary, chrome.storage.local, bundledVocabulary);
  }
  ui.guideline = await chooseGuideline(guideline);
  ui.category = topCategory(session.classification);
  if (failure) showFailure(failure);
  renderServerState();
  renderPost();
}

/** The server's guideline when it sent one (kept for next time), else the last one kept, else the bundled one. */
async function chooseGuideline(result) {
  const key = guidelineKey(ui.lang);
  if (result.status === "fulfilled" && isGuideline(result.value)) {
    ui.guidelineSource = "server";
    await chrome.storage.local.set({ [key]: result.value });
    return result.value;
  }
  const stored = (await chrome.storage.local.get(key))[key];
  if (isGuideline(stored)) {
    ui.guidelineSource = "stored";
    return stored;
  }
  ui.guidelineSource = "bundled";
  const response = await fetch(chrome.runtime.getURL(`guideline/${ui.lang}.json`));
  return response.json();
}

/** The classifier's most likely harm category for a post it found harmful, else null. */
function topCategory(classification) {
  if (classification?.label !== 1 || !classification.categories) return null;
  const known = Object.entries(classification.categories)
    .filter(([name, score]) => ui.vocabulary.categories.includes(name) && Number.isFinite(Number(score)));
  if (!known.length) return null;
  return known.reduce((best, entry) => (Number(entry[1]) > Number(best[1]) ? entry : best))[0];
}

// -- walking --------------------------------------------------------------------------------

/** The category that chooses the tips: only for a post the worker called harmful. */
function adviceCategory() {
  return ui.session.answers.content === true ? ui.category : null;
}

/** Where the answers lead: from the server while it answers, else from the guideline here. */
async function advise() {
  setBusy(true);
  try {
    let advice = null;
    if (walkSession.asksServer(ui.session)) {
      try {
        advice = await ui.client.advice(ui.session.answers, ui.lang, adviceCategory());
      } catch (err) {
        ui.session = walkSession.adviceFailed(ui.session, err);
        showFailure(err);
        renderServerState();
      }
    }
    ui.advice = advice ?? walk(ui.guideline, ui.session.answers, adviceCategory());
  } finally {
    setBusy(false);
  }
  render();
  if (ui.advice.complete) recordCase();
}

/** Run one change of the answers, unless one is already under way. */
async function step(change) {
  if (ui.busy) return;
  ui.session = change(ui.session);
  await advise();
}

function answer(value) {
  const q = ui.advice?.next_question;
  if (!q) return Promise.resolve();
  return step((s) => walkSession.withAnswer(s, q.id, value));
}

const changeAnswer = (qid) => step((s) => walkSession.backTo(s, ui.guideline, qid));
const setOptional = (qid, value) => step((s) => walkSession.withOptional(s, qid, value));
const restart = () => step(walkSession.restarted);

async function chooseCategory(value) {
  ui.category = value || null;
  // The tips depend on the category: ask again, the answers unchanged.
  await step((s) => s);
}

// -- rendering ------------------------------------------------------------------------------

function setBusy(busy) {
  ui.busy = busy;
  document.body.dataset.busy = busy ? "1" : "0";
  $("answer-yes").disabled = busy;
  $("answer-no").disabled = busy;
  $("busy").textContent = busy ? ui.t("busy") : "";
}

function renderKeys() {
  const on = ui.settings.shortcuts;
  for (const [id, key] of [["answer-yes", "keyYes"], ["answer-no", "keyNo"]]) {
    if (on) $(id).setAttribute("aria-keyshortcuts", ui.t(key));
    else $(id).removeAttribute("aria-keyshortcuts");
    $(id).querySelector("kbd").hidden = !on;
  }
  $("keys-hint").textContent = ui.t(on ? "keysHint" : "keysHintOff");
}

function renderServerState() {
  const pill = $("server-state");
  const state = walkSession.pillState(ui.session);
  pill.dataset.state = state;
  pill.textContent = ui.t({ online: "serverOnline", offline: "serverOffline", checking: "serverChecking" }[state]);
}

function renderPost() {
  const { t } = ui;
  const { pending, classification, connection, textSent } = ui.session;
  const text = pending?.text || "";
  $("post-text").hidden = !text;
  $("post-empty").hidden = Boolean(text);
  $("post-truncated").hidden = !pending?.truncated;
  $("post-truncated").textContent = t("postTruncated", String(ui.vocabulary.max_text_chars));

  const help = reportingHelp(pending?.platform, ui.lang);
  $("platform").hidden = !help;
  $("platform").textContent = help ? t("platformDetected", help.name) : "";

  // Highlights explain a "yes" suggestion: only then, and only words that pushed towards it.
  const explanation = classification?.label === 1 ? classification.explanation : [];
  const segments = highlightSegments(text, explanation);
  fill($("post-text"), segments.map((s) => (s.highlight ? el("mark", {}, s.text) : s.text)));
  $("terms-line").hidden = !segments.some((s) => s.highlight);
  renderPostToggle();

  $("privacy").hidden = !text;
  $("privacy-text").textContent = connection !== walkSession.CONNECTION.CHECKING && !textSent
    ? t("privacyNotSent")
    : t("privacySent", displayOrigin(ui.settings.serverUrl));
}

/** "Show all" only when the folded post hides lines. */
function renderPostToggle() {
  const post = $("post-text");
  const toggle = $("post-toggle");
  const expanded = post.classList.contains("expanded");
  const overflows = !post.hidden && (expanded || post.scrollHeight > post.clientHeight + 1);
  toggle.hidden = !overflows;
  toggle.setAttribute("aria-expanded", String(expanded));
  toggle.textContent = ui.t(expanded ? "postShowLess" : "postShowAll");
}

function showFailure(err) {
  const info = describeFailure(err, displayOrigin(ui.settings.serverUrl), ui.settings.serverUrl);
  $("notice").hidden = false;
  $("notice").dataset.kind = err.kind;
  $("notice-text").textContent = ui.t(info.key, ...info.args);
  $("notice-settings").hidden = !info.settings;
}

function render() {
  const advice = ui.advice;
  const wasOutcome = document.body.dataset.phase === "outcome";
  document.body.dataset.phase = advice.complete ? "outcome" : "question";
  renderTrail(advice);
  if (advice.complete) {
    $("question").hidden = true;
    $("outcome").hidden = false;
    renderOutcome(advice, !wasOutcome);
    document.body.dataset.step = `outcome:${advice.outcome.id}`;
    // Move focus (and the view) to the advice when it first appears, not on later updates.
    if (!wasOutcome) $("o-title").focus();
  } else {
    $("outcome").hidden = true;
    $("question").hidden = false; // visible first: a hidden button cannot take the focus
    renderQuestion(advice);
    document.body.dataset.step = `question:${advice.next_question.id}`;
  }
  renderPostToggle();
  renderSource();
}

function questionText(qid) {
  return ui.guideline?.questions?.[qid]?.text ?? qid;
}

function renderTrail(advice) {
  const { t } = ui;
  const { answers } = ui.session;
  const answered = advice.path.filter((qid) => Object.hasOwn(answers, qid));
  $("trail-section").hidden = answered.length === 0;
  fill($("trail"), answered.map((qid) => {
    const value = answers[qid];
    const suggested = walkSession.suggestion(ui.session, ui.guideline.questions[qid]);
    const note = suggested === null ? null
      : el("span", { class: "t-note" }, ` · ${t(suggested === value ? "trailConfirmed" : "trailOverruled")}`);
    return el("li", { dataset: { qid } },
      el("span", { class: "t-q" }, questionText(qid)),
      el("span", { class: "t-a" }, t(value ? "answerYes" : "answerNo"), note),
      el("button", {
        type: "button",
        class: "linkish",
        "aria-label": t("trailChangeLabel", questionText(qid)),
        onclick: () => changeAnswer(qid),
      }, t("trailChange")));
  }));
}

function renderQuestion(advice) {
  const { t } = ui;
  const q = advice.next_question;
  $("q-step").textContent = t("stepNumber", String(advice.path.length));
  $("q-text").textContent = q.text;
  $("q-help").textContent = q.help || "";
  $("q-help").hidden = !q.help;

  const suggested = walkSession.suggestion(ui.session, q);
  const yes = $("answer-yes");
  const no = $("answer-no");
  yes.classList.toggle("suggested", suggested === true);
  no.classList.toggle("suggested", suggested === false);
  $("q-prefill").hidden = suggested === null;
  if (suggested !== null) renderSuggestion(suggested);
  const failure = ui.session.classifyFailure;
  const failed = q.prefill === "classifier" && suggested === null && failure
    ? t("classifyFailed", statusDetail(failure)) : "";
  $("classify-failed").hidden = !failed;
  $("classify-failed").textContent = failed;
  // The suggested answer takes the focus, so Enter confirms it. Without a suggestion the question
  // itself does: no answer is pressed by an Enter meant for something else.
  if (suggested === null) $("q-text").focus();
  else (suggested ? yes : no).focus();
}

/** The suggestion in words first ("Voorstel: ‘Ja’ · vrijwel zeker"), the score second. */
function renderSuggestion(suggested) {
  const { t } = ui;
  const c = ui.session.classification;
  const band = confidenceBand(c);
  fill($("prefill-line"),
    t("prefillSuggestion", t(suggested ? "answerYes" : "answerNo")),
    band ? [" · ", el("strong", { class: "band", dataset: { band } }, t(confidenceMessageKey(band)))] : null);
  // The percentage inside the sentence, wherever the language puts it.
  const [before, after = ""] = t("classifierScore", "\u0000").split("\u0000");
  fill($("score-line"), before, el("span", { class: "pct" }, percent(c.score)), after);
}

function renderOutcome(advice, first) {
  const { t } = ui;
  const o = advice.outcome;
  $("o-title").textContent = o.title;
  $("o-advice").textContent = o.advice;
  $("o-addenda").hidden = o.addenda.length === 0;
  fill($("o-addenda"), o.addenda.map((a) => el("li", {}, a)));
  // IT may replace whom to call (policy `emergencyContacts`), never when the guideline calls.
  renderEmergency(withManagedEmergency(o.emergency, ui.settings.emergencyContacts));

  $("optional").hidden = advice.optional_questions.length === 0;
  fill($("optional-list"), advice.optional_questions.map((q) => el("label", {},
    el("input", {
      type: "checkbox",
      name: q.id,
      checked: q.answer === true,
      onchange: (e) => setOptional(q.id, e.target.checked),
    }),
    el("span", {}, q.text))));

  renderReporting(o);
  renderPartners(o);

  $("tips").hidden = advice.tips.length === 0;
  fill($("tips-list"), advice.tips.map((tip) => el("li", {}, el("strong", {}, tip.title), tip.text)));
  $("donts").hidden = advice.donts.length === 0;
  fill($("donts-list"), advice.donts.map((d) => el("li", {}, d.text)));

  if (first) {
    renderDrafts(o);
    renderFollowUp(o);
    clearStatus("casefile-status");
  }
  $("casefile-text-label").hidden = !ui.session.pending?.text;
  renderSave();
}

function renderEmergency(emergency) {
  $("emergency").hidden = !emergency;
  if (!emergency) return;
  fill($("emergency-list"), emergency.contacts.map((c) => {
    const tel = c.phone ? telUrl(c.phone) : null;
    return el("li", { dataset: { contact: c.id } },
      el("span", {}, c.text),
      tel ? el("a", { href: tel, class: "call" }, c.phone) : null,
      c.url ? el("a", { href: c.url, target: "_blank", rel: "noopener noreferrer" }, new URL(c.url).host.replace(/^www\./, "")) : null);
  }));
  $("emergency-support").textContent = emergency.support;
}

function renderReporting(outcome) {
  const help = reportingHelp(ui.session.pending?.platform, ui.lang);
  $("reporting").hidden = !outcome.reporting;
  $("reporting-platform").hidden = !help;
  $("reporting-general").hidden = Boolean(help);
  if (help) {
    $("reporting-link").href = help.url;
    $("reporting-link").textContent = ui.t("reportingPlatform", help.name);
  }
}

function renderPartners(outcome) {
  const partners = ui.settings.partners;
  $("partners").hidden = !outcome.show_chain_partners;
  $("partners-empty").hidden = partners.length > 0;
  fill($("partners-list"), partners.map((p) => {
    const tel = telUrl(p.phone);
    const mail = mailtoUrl(p.email);
    const contact = [
      p.phone ? (tel ? el("a", { href: tel }, p.phone) : el("span", {}, p.phone)) : null,
      p.email ? (mail ? el("a", { href: mail }, p.email) : el("span", {}, p.email)) : null,
    ].filter(Boolean);
    return el("li", {},
      el("span", { class: "p-name" }, p.name),
      p.note ? el("span", { class: "p-note" }, p.note) : null,
      contact.length ? el("span", { class: "p-contact" }, contact) : null);
  }));
}

/** Reply drafts: editable, copied on request; nothing is ever posted. */
function renderDrafts(outcome) {
  const { t } = ui;
  const drafts = outcome.drafts || [];
  $("drafts").hidden = drafts.length === 0;
  fill($("drafts-list"), drafts.map((d, i) => {
    const n = String(i + 1);
    const tipTitle = ui.guideline?.tips?.[d.tip]?.title ?? d.tip;
    const area = el("textarea", { id: `draft-${d.id}`, rows: "3", dataset: { draft: d.id } });
    area.value = d.text;
    growing(area);
    const status = el("span", { class: "copy-status small", role: "status" });
    return el("li", {},
      el("label", { for: `draft-${d.id}`, class: "small draft-label" }, t("draftLabel", n, tipTitle)),
      area,
      el("div", { class: "copy-row" },
        el("button", {
          type: "button",
          class: "secondary",
          "aria-label": t("draftCopyLabel", n),
          onclick: () => copyText(area.value, status, "copied"),
        }, t("draftCopy")),
        status));
  }));
}

/** A text box that grows with its text, so a draft is read whole, never cut mid-line. */
function growing(area) {
  const fit = () => {
    area.style.height = "auto";
    area.style.height = `${area.scrollHeight + 2}px`;
  };
  area.addEventListener("input", fit);
  requestAnimationFrame(fit);
  return fit;
}

async function copyText(text, status, okKey) {
  status.textContent = "";
  try {
    await navigator.clipboard.writeText(text);
    status.dataset.kind = "ok";
    status.textContent = ui.t(okKey);
  } catch {
    status.dataset.kind = "error";
    status.textContent = ui.t("copyFailed");
  }
}

function clearStatus(id) {
  $(id).textContent = "";
  delete $(id).dataset.kind;
}

function setStatus(id, kind, text) {
  // A live region reads out what changes in it: it is in the page (empty) before, and the text
  // is set after, so the new text is announced.
  const status = $(id);
  status.dataset.kind = kind;
  status.textContent = text;
}

// -- follow-up list (storage.local only) ------------------------------------------------------

function today() {
  return isoDate(new Date());
}

/** A day in words in the chosen language ("dinsdag 8 december 2026"): a date field follows the
 * browser's own format, which may read 12/08 as the twelfth of August in a Dutch screen. */
function sayDate(day) {
  const date = new Date(`${day}T00:00:00`);
  if (Number.isNaN(date.getTime())) return "";
  return date.toLocaleDateString(ui.lang === "nl" ? "nl-NL" : "en-GB",
    { weekday: "long", day: "numeric", month: "long", year: "numeric" });
}

async function followUps() {
  const kept = (await chrome.storage.local.get(FOLLOW_UP_KEY))[FOLLOW_UP_KEY];
  const list = withoutExpired(kept, today(), ui.settings.followUpExpiryDays);
  if (!Array.isArray(kept) || list.length !== kept.length) await chrome.storage.local.set({ [FOLLOW_UP_KEY]: list });
  return list;
}

async function renderDue() {
  const { t } = ui;
  const due = dueFollowUps(await followUps(), today());
  $("due").hidden = due.length === 0;
  fill($("due-list"), due.map((e) => el("li", {},
    el("a", { href: e.url, target: "_blank", rel: "noopener noreferrer" }, shortLink(e.url)),
    el("span", { class: "small" }, ` ${t("dueItem", sayDate(e.due))}`),
    el("button", {
      type: "button",
      class: "linkish",
      "aria-label": t("dueDoneLabel", shortLink(e.url)),
      onclick: async () => {
        await chrome.storage.local.set({ [FOLLOW_UP_KEY]: removeFollowUp(await followUps(), e.url) });
        await renderDue();
      },
    }, t("dueDone")))));
}

function shortLink(url) {
  const u = new URL(url);
  const text = `${u.host.replace(/^www\./, "")}${u.pathname}`.replace(/\/$/, "");
  return text.length > 48 ? `${text.slice(0, 47)}…` : text;
}

function renderFollowUp(outcome) {
  const link = followUpLink(ui.session.pending?.pageUrl);
  $("followup").hidden = !(outcome.follow_up && link);
  $("followup-date").min = today();
  $("followup-date").value = addDays(today(), ui.settings.followUpDays);
  $("followup-date-said").textContent = sayDate($("followup-date").value);
  clearStatus("followup-status");
}

async function addToFollowUps() {
  const { t } = ui;
  const due = $("followup-date").value;
  try {
    const list = addFollowUp(await followUps(), {
      url: ui.session.pending?.pageUrl,
      due,
      platform: ui.session.pending?.platform ?? null,
      outcome: ui.advice?.outcome?.id ?? null,
    }, today());
    await chrome.storage.local.set({ [FOLLOW_UP_KEY]: list });
    setStatus("followup-status", "ok", t("followupAdded", sayDate(due)));
    await renderDue();
  } catch {
    setStatus("followup-status", "error", t(followUpLink(ui.session.pending?.pageUrl) ? "followupBadDate" : "followupNoLink"));
  }
}

// -- the case file and the case log ----------------------------------------------------------

function copyCaseFile() {
  const { t } = ui;
  const advice = ui.advice;
  const { answers, pending } = ui.session;
  const help = reportingHelp(pending?.platform, ui.lang);
  const summary = caseSummary({
    date: new Date().toLocaleString(ui.lang === "nl" ? "nl-NL" : "en-GB", { dateStyle: "long", timeStyle: "short" }),
    platform: help?.name ?? null,
    answers: advice.path.filter((qid) => Object.hasOwn(answers, qid))
      .map((qid) => ({ question: questionText(qid), answer: t(answers[qid] ? "answerYes" : "answerNo") })),
    outcome: advice.outcome,
    tips: advice.tips,
    text: $("casefile-text").checked ? pending?.text || null : null,
  }, t);
  return copyText(summary, $("casefile-status"), "casefileCopied");
}

/** One record per outcome reached, when the organisation keeps a case log (never the text). */
async function recordCase() {
  const { health } = ui.session;
  if (!walkSession.asksServer(ui.session) || !(health?.features ?? []).includes("case_log")) return;
  const record = caseRecord({
    advice: ui.advice,
    answers: ui.session.answers,
    platform: ui.session.pending?.platform ?? null,
    category: adviceCategory(),
    classification: ui.session.classification,
  });
  const key = JSON.stringify([record.outcome, record.path]);
  if (ui.caseLogged.has(key)) return;
  ui.caseLogged.add(key);
  try {
    await ui.client.recordCase(record);
    setStatus("caselog", "ok", ui.t("caselogDone"));
  } catch (err) {
    ui.caseLogged.delete(key);
    setStatus("caselog", "error", ui.t("caselogFailed", statusDetail(err)));
  }
}

// -- saving an example ------------------------------------------------------------------------

/** The "save as example" block: only on a server that offers it, for a post text, on request. */
function renderSave() {
  const { t } = ui;
  const show = walkSession.offersSave(ui.session);
  $("save").hidden = !show;
  if (!show) return;
  const contentAnswer = ui.session.answers.content;
  const { classification } = ui.session;
  const score = classification ? percent(classification.score) : t("saveNoScore");
  $("save-what").textContent = t("saveWhat", t(contentAnswer ? "answerYes" : "answerNo"), score);
  $("save-category-label").hidden = !contentAnswer;
  const key = JSON.stringify([contentAnswer]);
  if ($("save").dataset.for !== key) {
    // A different confirmed answer is a different example: it may be saved again.
    $("save").dataset.for = key;
    $("save-button").disabled = false;
    clearStatus("save-status");
    $("save-settings").hidden = true;
  }
  if (!$("save").dataset.built) {
    $("save").dataset.built = "1";
    buildSaveMenus();
    previewText();
  }
}

/** The category and language menus, from the server's vocabulary (or the kept or bundled copy). */
function buildSaveMenus() {
  const { t } = ui;
  fill($("save-category"),
    el("option", { value: "" }, t("categoryNone")),
    ui.vocabulary.categories.map((c) => el("option", { value: c }, messageOr(categoryMessageKey(c), c))));
  $("save-category").value = ui.category ?? "";
  fill($("save-lang"),
    el("option", { value: "" }, t("saveLangAuto")),
    ui.vocabulary.languages.map((l) => el("option", { value: l }, messageOr(languageMessageKey(l), l))));
  $("save-lang").value = "";
}

/** A message, or `fallback` for a vocabulary word the extension has no message for yet. */
function messageOr(key, fallback) {
  const text = ui.t(key);
  return text === `[${key}]` ? fallback : text;
}

/** Show the text as the server would store it, editable (POST /examples/preview stores nothing). */
async function previewText() {
  const { t } = ui;
  const original = ui.session.pending.text;
  const fit = growing($("save-text"));
  $("save-text").value = original;
  $("save-replaced").hidden = true;
  try {
    const preview = await ui.client.previewExample(original);
    if (typeof preview.text !== "string") throw new Error("no text in the preview");
    // The worker may have started editing while the preview was on its way: keep their edits.
    if ($("save-text").value === original) $("save-text").value = preview.text;
    fit();
    const replaced = Object.entries(preview.replaced || {}).filter(([, n]) => Number(n) > 0)
      .map(([kind, n]) => `${messageOr(`replaced_${kind}`, kind)} (${n})`);
    if (replaced.length) {
      $("save-replaced").textContent = t("saveReplaced", replaced.join(", "));
      $("save-replaced").hidden = false;
    }
  } catch {
    // A server without the preview still scrubs on saving: say what it removes.
    $("save-replaced").textContent = t("savePreviewMissing");
    $("save-replaced").hidden = false;
    fit();
  }
}

async function saveExample() {
  const { t } = ui;
  const button = $("save-button");
  const text = $("save-text").value.trim();
  clearStatus("save-status");
  if (!text) {
    setStatus("save-status", "error", t("saveEmpty"));
    return;
  }
  button.disabled = true;
  const body = exampleBody({
    text,
    contentAnswer: ui.session.answers.content,
    lang: $("save-lang").value,
    category: $("save-category").value,
    categories: ui.vocabulary.categories,
    classification: ui.session.classification,
  });
  try {
    const saved = await ui.client.saveExample(body);
    setStatus("save-status", "ok", t(saved.created === false ? "saveDuplicate" : "saveDone"));
    $("save-settings").hidden = true;
  } catch (err) {
    const info = saveFailureKey(err);
    setStatus("save-status", "error", t(info.key, ...info.args));
    $("save-settings").hidden = !info.settings;
    button.disabled = false;
  }
}

function renderSource() {
  const key = walkSession.sourceKey(ui.session, ui.guidelineSource);
  $("source").textContent = ui.t(key, ui.guideline?.title ?? "");
}

// -- events ---------------------------------------------------------------------------------

function isTyping(target) {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName));
}

function onKeyDown(event) {
  if (!ui.settings.shortcuts) return;
  if ($("question").hidden || ui.busy || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
  const key = event.key.toLowerCase();
  const yesKeys = new Set(["j", "y", ui.t("keyYes").toLowerCase()]);
  const noKeys = new Set(["n", ui.t("keyNo").toLowerCase()]);
  if (yesKeys.has(key)) {
    event.preventDefault();
    answer(true);
  } else if (noKeys.has(key)) {
    event.preventDefault();
    answer(false);
  }
}

function wireEvents() {
  const openSettings = () => chrome.runtime.openOptionsPage();
  $("open-settings").addEventListener("click", openSettings);
  $("notice-settings").addEventListener("click", openSettings);
  $("partners-manage").addEventListener("click", openSettings);
  $("save-settings").addEventListener("click", openSettings);
  $("answer-yes").addEventListener("click", () => answer(true));
  $("answer-no").addEventListener("click", () => answer(false));
  $("restart").addEventListener("click", restart);
  $("save-button").addEventListener("click", saveExample);
  $("save-category").addEventListener("change", (e) => chooseCategory(e.target.value));
  $("followup-add").addEventListener("click", addToFollowUps);
  $("followup-date").addEventListener("input", (e) => { $("followup-date-said").textContent = sayDate(e.target.value); });
  $("casefile-copy").addEventListener("click", copyCaseFile);
  $("post-toggle").addEventListener("click", () => {
    $("post-text").classList.toggle("expanded");
    renderPostToggle();
  });
  document.addEventListener("keydown", onKeyDown);
  // A new menu click while this popup (or window) is open: start over with the new selection.
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === "session" && changes[PENDING_KEY]) location.reload();
  });
}

init().catch((err) => {
  $("notice").hidden = false;
  // The error's name only: its message may be English, or hold a detail of the post.
  const detail = String(err?.name || "Error");
  const text = ui.t("popupFailed", detail);
  $("notice-text").textContent = text === "popupFailed" ? detail : text;
  document.body.dataset.ready = "error";
});
