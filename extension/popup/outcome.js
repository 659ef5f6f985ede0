/**
 * The advice once the walk reaches an outcome: title and advice, the emergency route, the
 * optional questions, the platform's reporting page, the chain partners, tips and don'ts.
 */
import { el, fill } from "../lib/dom.js";
import { mailtoUrl, telUrl } from "../lib/format.js";
import { withManagedEmergency } from "../lib/managed.js";
import { reportingHelp } from "../lib/platforms.js";
import { $ } from "./widgets.js";

/** `onOptional(qid, ticked)` answers an optional question. */
export function renderOutcome(ui, advice, { onOptional }) {
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
      onchange: (e) => onOptional(q.id, e.target.checked),
    }),
    el("span", {}, q.text))));

  renderReporting(ui, o);
  renderPartners(ui.settings.partners, o);

  $("tips").hidden = advice.tips.length === 0;
  fill($("tips-list"), advice.tips.map((tip) => el("li", {}, el("strong", {}, tip.title), tip.text)));
  $("donts").hidden = advice.donts.length === 0;
  fill($("donts-list"), advice.donts.map((d) => el("li", {}, d.text)));
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

function renderReporting(ui, outcome) {
  const help = reportingHelp(ui.session.pending?.platform, ui.lang);
  $("reporting").hidden = !outcome.reporting;
  $("reporting-platform").hidden = !help;
  $("reporting-general").hidden = Boolean(help);
  if (help) {
    $("reporting-link").href = help.url;
    $("reporting-link").textContent = ui.t("reportingPlatform", help.name);
  }
}

function renderPartners(partners, outcome) {
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
