/**
 * The popup: shows the selected post, asks the guideline's questions one at a time with the first
 * answer suggested by the classifier, and gives the advice. It asks the server (the source of
 * truth) while the server answers, and walks the guideline itself when it does not.
 */
import { createClient, exampleBody } from "../lib/api.js";
import { el, fill } from "../lib/dom.js";
import { describeFailure, mostImportant, saveFailureKey } from "../lib/failures.js";
import { displayOrigin, mailtoUrl, percent, telUrl } from "../lib/format.js";
import { answersBefore, isGuideline, walk } from "../lib/guideline.js";
import { highlightSegments } from "../lib/highlight.js";
import { applyI18n, loadMessages, translator } from "../lib/i18n.js";
import { PENDING_KEY, guidelineKey } from "../lib/ids.js";
import { reportingHelp } from "../lib/platforms.js";
import { loadSettings, resolveLang } from "../lib/settings.js";

const $ = (id) => document.getElementById(id);

const state = {
  t: (key) => key,
  lang: "nl",
  settings: null,
  client: null,
  pending: null, // {text, truncated, platform}
  health: null, // GET /health answer, or null when the server did not answer
  online: false, // POST /advice is used while true
  guideline: null,
  guidelineSource: "bundled", // "server" | "stored" | "bundled"
  classification: null,
  classifyFailure: "", // what to say at the first question when the classifier did not answer
  tokenRefused: false, // the server answered 401 or 403 to the token (or its absence)
  connected: false, // the first round of requests is done
  textSent: false, // false while the text has not reached the server
  answers: {},
  advice: null,
  busy: false,
};

// -- start ----------------------------------------------------------------------------------

async function init() {
  if (new URLSearchParams(location.search).has("window")) document.body.classList.add("windowed");
  state.settings = await loadSettings();
  state.lang = resolveLang(state.settings.lang, chrome.i18n.getUILanguage());
  state.t = translator(await loadMessages(state.lang));
  document.documentElement.lang = state.lang;
  applyI18n(document, state.t);
  document.title = state.t("popupTitle");
  wireEvents();

  const stored = await chrome.storage.session.get(PENDING_KEY);
  state.pending = stored[PENDING_KEY] || null;
  state.client = createClient({ baseUrl: state.settings.serverUrl, token: state.settings.token });
  renderPost();

  await connect();
  await advise();
  document.body.dataset.ready = "1";
}

/** Ask the server for its health, the guideline and the classifier's view, all at once. */
async function connect() {
  const text = state.pending?.text || "";
  const [health, guideline, classification] = await Promise.allSettled([
    state.client.health(),
    state.client.guideline(state.lang),
    text ? state.client.classify(text, state.lang) : Promise.resolve(null),
  ]);

  state.health = health.status === "fulfilled" ? health.value : null;
  state.online = state.health !== null;
  state.guideline = await chooseGuideline(guideline);

  const failures = [health, guideline].filter((r) => r.status === "rejected").map((r) => r.reason);
  // Only a refused connection proves the text never left; after a time-out it may have arrived.
  state.textSent = Boolean(text) && classification.reason?.kind !== "unreachable";
  if (classification.status === "fulfilled") {
    state.classification = classification.value;
  } else if (state.online) {
    const err = classification.reason;
    if (err.kind === "auth" || err.kind === "forbidden") failures.push(err);
    else showClassifyFailure(err);
  }
  const failure = mostImportant(failures);
  if (failure) showFailure(failure);
  if (failure?.kind === "auth" || failure?.kind === "forbidden") {
    state.online = false;
    state.tokenRefused = true;
  }

  state.connected = true;
  renderServerState();
  renderPost();
}

/** The server's guideline when it sent one (kept for next time), else the last one kept, else the bundled one. */
async function chooseGuideline(result) {
  const key = guidelineKey(state.lang);
  if (result.status === "fulfilled" && isGuideline(result.value)) {
    state.guidelineSource = "server";
    await chrome.storage.local.set({ [key]: result.value });
    return result.value;
  }
  const stored = (await chrome.storage.local.get(key))[key];
  if (isGuideline(stored)) {
    state.guidelineSource = "stored";
    return stored;
  }
  state.guidelineSource = "bundled";
  const response = await fetch(chrome.runtime.getURL(`guideline/${state.lang}.json`));
  return response.json();
}

// -- walking --------------------------------------------------------------------------------

/** Where the answers lead: from the server while it answers, else from the guideline here. */
async function advise() {
  setBusy(true);
  try {
    let advice = null;
    if (state.online) {
      try {
        advice = await state.client.advice(state.answers, state.lang);
      } catch (err) {
        state.online = false;
        showFailure(err);
        renderServerState();
      }
    }
    state.advice = advice ?? walk(state.guideline, state.answers);
  } finally {
    setBusy(false);
  }
  render();
}

async function answer(value) {
  const q = state.advice?.next_question;
  if (!q || state.busy) return;
  state.answers = { ...state.answers, [q.id]: value };
  await advise();
}

async function changeAnswer(qid) {
  if (state.busy) return;
  state.answers = answersBefore(state.guideline, state.answers, qid);
  await advise();
}

async function setOptional(qid, value) {
  if (state.busy) return;
  const answers = { ...state.answers };
  if (value) answers[qid] = true;
  else delete answers[qid];
  state.answers = answers;
  await advise();
}

async function restart() {
  state.answers = {};
  await advise();
}

// -- rendering ------------------------------------------------------------------------------

function setBusy(busy) {
  state.busy = busy;
  document.body.dataset.busy = busy ? "1" : "0";
  $("answer-yes").disabled = busy;
  $("answer-no").disabled = busy;
  $("busy").textContent = busy ? state.t("busy") : "";
}

function renderServerState() {
  const pill = $("server-state");
  pill.dataset.state = state.online ? "online" : "offline";
  pill.textContent = state.t(state.online ? "serverOnline" : "serverOffline");
}

function renderPost() {
  const { t } = state;
  const text = state.pending?.text || "";
  $("post-text").hidden = !text;
  $("post-empty").hidden = Boolean(text);
  $("post-truncated").hidden = !state.pending?.truncated;
  $("post-truncated").textContent = t("postTruncated", "5000");

  const help = reportingHelp(state.pending?.platform, state.lang);
  $("platform").hidden = !help;
  $("platform").textContent = help ? t("platformDetected", help.name) : "";

  const c = state.classification;
  const segments = highlightSegments(text, c?.explanation);
  fill($("post-text"), segments.map((s) => (s.highlight ? el("mark", {}, s.text) : s.text)));

  $("terms-line").hidden = !segments.some((s) => s.highlight);
  if (c) {
    // The percentage in bold inside the sentence, wherever the language puts it.
    const [before, after = ""] = t("classifierScore", "\u0000").split("\u0000");
    fill($("score-line"), before, el("strong", { class: "pct" }, percent(c.score)), after);
  }

  $("privacy").hidden = !text;
  $("privacy-text").textContent = state.connected && !state.textSent
    ? t("privacyNotSent")
    : t("privacySent", displayOrigin(state.settings.serverUrl));
}

/** Said at the first question when the server is up but the classifier gave no answer. */
function showClassifyFailure(err) {
  const detail = err.status ? state.t("errorDetail", String(err.status), err.message) : err.message;
  state.classifyFailure = state.t("classifyFailed", detail);
}

function showFailure(err) {
  const info = describeFailure(err, displayOrigin(state.settings.serverUrl));
  $("notice").hidden = false;
  $("notice").dataset.kind = err.kind;
  $("notice-text").textContent = state.t(info.key, ...info.args);
  $("notice-settings").hidden = !info.settings;
}

function render() {
  const advice = state.advice;
  const wasOutcome = document.body.dataset.phase === "outcome";
  document.body.dataset.phase = advice.complete ? "outcome" : "question";
  renderTrail(advice);
  if (advice.complete) {
    $("question").hidden = true;
    $("outcome").hidden = false;
    renderOutcome(advice);
    document.body.dataset.step = `outcome:${advice.outcome.id}`;
    // Move focus (and the view) to the advice when it first appears, not on later updates.
    if (!wasOutcome) $("o-title").focus();
  } else {
    $("outcome").hidden = true;
    $("question").hidden = false; // visible first: a hidden button cannot take the focus
    renderQuestion(advice);
    document.body.dataset.step = `question:${advice.next_question.id}`;
  }
  renderSource();
}

function questionText(qid) {
  return state.guideline?.questions?.[qid]?.text ?? qid;
}

/** The classifier's suggestion for question `q` (true/false), or null when it makes none. */
function suggestion(q) {
  if (q?.prefill !== "classifier" || !state.classification) return null;
  return state.classification.label === 1;
}

function renderTrail(advice) {
  const { t } = state;
  const answered = advice.path.filter((qid) => Object.hasOwn(state.answers, qid));
  $("trail-section").hidden = answered.length === 0;
  fill($("trail"), answered.map((qid) => {
    const value = state.answers[qid];
    const suggested = suggestion(state.guideline.questions[qid]);
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
  const { t } = state;
  const q = advice.next_question;
  $("q-step").textContent = t("stepNumber", String(advice.path.length));
  $("q-text").textContent = q.text;
  $("q-help").textContent = q.help || "";
  $("q-help").hidden = !q.help;

  const suggested = suggestion(q);
  const yes = $("answer-yes");
  const no = $("answer-no");
  yes.classList.toggle("suggested", suggested === true);
  no.classList.toggle("suggested", suggested === false);
  yes.setAttribute("aria-keyshortcuts", t("keyYes"));
  no.setAttribute("aria-keyshortcuts", t("keyNo"));
  $("q-prefill").hidden = suggested === null;
  $("prefill-line").textContent = suggested === null ? ""
    : t("prefillSuggestion", t(suggested ? "answerYes" : "answerNo"));
  const failed = q.prefill === "classifier" && suggested === null && state.classifyFailure;
  $("classify-failed").hidden = !failed;
  $("classify-failed").textContent = failed || "";
  // The suggested answer takes the focus, so Enter confirms it. Without a suggestion the question
  // itself does: no answer is pressed by an Enter meant for something else.
  if (suggested === null) $("q-text").focus();
  else (suggested ? yes : no).focus();
}

function renderOutcome(advice) {
  const { t } = state;
  const o = advice.outcome;
  $("o-title").textContent = o.title;
  $("o-advice").textContent = o.advice;
  $("o-addenda").hidden = o.addenda.length === 0;
  fill($("o-addenda"), o.addenda.map((a) => el("li", {}, a)));

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
  fill($("donts-list"), advice.donts.map((d) => el("li", {}, d.text)));

  renderSave();
}

function renderReporting(outcome) {
  const help = reportingHelp(state.pending?.platform, state.lang);
  $("reporting").hidden = !outcome.reporting;
  $("reporting-platform").hidden = !help;
  $("reporting-general").hidden = Boolean(help);
  if (help) {
    $("reporting-link").href = help.url;
    $("reporting-link").textContent = state.t("reportingPlatform", help.name);
  }
}

function renderPartners(outcome) {
  const partners = state.settings.partners;
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

/** The "save as example" block: only on a server that offers it, for a post text, on request. */
function renderSave() {
  const { t } = state;
  const features = state.health?.features ?? [];
  const contentAnswer = state.answers.content;
  // A token the server refused cannot save either; the notice already says what to do.
  const show = Boolean(state.pending?.text) && features.includes("examples") && !state.tokenRefused
    && typeof contentAnswer === "boolean";
  $("save").hidden = !show;
  if (!show) return;
  const score = state.classification ? percent(state.classification.score) : t("saveNoScore");
  $("save-what").textContent = t("saveWhat", t(contentAnswer ? "answerYes" : "answerNo"),
    t(state.lang === "nl" ? "languageNl" : "languageEn"), score);
  $("save-category-label").hidden = !contentAnswer;
  const key = JSON.stringify([contentAnswer]);
  if ($("save").dataset.for !== key) {
    // A different confirmed answer is a different example: it may be saved again.
    $("save").dataset.for = key;
    $("save-button").disabled = false;
    $("save-status").hidden = true;
    $("save-settings").hidden = true;
  }
}

async function saveExample() {
  const { t } = state;
  const button = $("save-button");
  const status = $("save-status");
  button.disabled = true;
  const body = exampleBody({
    text: state.pending.text,
    contentAnswer: state.answers.content,
    lang: state.lang,
    category: $("save-category").value,
    classification: state.classification,
  });
  try {
    const saved = await state.client.saveExample(body);
    status.dataset.kind = "ok";
    status.textContent = t(saved.created === false ? "saveDuplicate" : "saveDone", String(saved.id));
    $("save-settings").hidden = true;
  } catch (err) {
    const info = saveFailureKey(err);
    status.dataset.kind = "error";
    status.textContent = t(info.key, ...info.args);
    $("save-settings").hidden = !info.settings;
    button.disabled = false;
  }
  status.hidden = false;
}

function renderSource() {
  const key = { server: "sourceServer", stored: "sourceStored", bundled: "sourceBundled" }[
    state.online ? "server" : state.guidelineSource === "server" ? "stored" : state.guidelineSource];
  $("source").textContent = state.t(key, state.guideline?.title ?? "");
}

// -- events ---------------------------------------------------------------------------------

function isTyping(target) {
  return target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName));
}

function onKeyDown(event) {
  if ($("question").hidden || state.busy || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
  const key = event.key.toLowerCase();
  const yesKeys = new Set(["j", "y", state.t("keyYes").toLowerCase()]);
  const noKeys = new Set(["n", state.t("keyNo").toLowerCase()]);
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
  document.addEventListener("keydown", onKeyDown);
  // A new menu click while this popup (or window) is open: start over with the new selection.
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === "session" && changes[PENDING_KEY]) location.reload();
  });
}

init().catch((err) => {
  $("notice").hidden = false;
  $("notice-text").textContent = String(err?.message || err);
  document.body.dataset.ready = "error";
});
