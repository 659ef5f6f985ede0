// Progressive additions to the console's pages; every page works without this script.
// - review queue: keyboard shortcuts, "tick all", a count of ticked examples;
// - training page: a live progress bar that follows the job until it ends;
// - new token: the copy button.
// Texts come from the page (data-* attributes filled from the server's catalogue).

const csrf = document.body.dataset.csrf;
document.documentElement.classList.add("js");

function inField(target) {
  return target.closest("input, select, textarea, [contenteditable]") !== null;
}

function setupQueue() {
  const rows = [...document.querySelectorAll("[data-example]")];
  const tickAll = document.querySelector("[data-tick-all]");
  const ticked = document.querySelector("[data-ticked]");
  const ticks = [...document.querySelectorAll("[data-tick]")];
  const countTicked = () => {
    if (ticked) ticked.textContent = ticks.filter((t) => t.checked).length || "";
  };
  ticks.forEach((t) => t.addEventListener("change", countTicked));
  if (tickAll) {
    tickAll.addEventListener("change", () => {
      ticks.forEach((t) => { t.checked = tickAll.checked; });
      countTicked();
    });
  }
  if (!rows.length) return;

  const current = () => rows.find((r) => r.classList.contains("current")) || null;
  const focusRow = (row) => {
    rows.forEach((r) => r.classList.toggle("current", r === row));
    row.focus({ preventScroll: false });
  };
  rows.forEach((row) => row.addEventListener("focusin", () => {
    rows.forEach((r) => r.classList.toggle("current", r === row));
  }));
  const fromHash = location.hash && document.getElementById(location.hash.slice(1));
  if (fromHash && rows.includes(fromHash)) focusRow(fromHash);

  const press = (row, action) => {
    const button = row.querySelector(`[data-action="${action}"]`);
    if (button) button.click();
  };
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey || inField(event.target)) return;
    const row = current();
    const index = row ? rows.indexOf(row) : -1;
    switch (event.key) {
      case "j": focusRow(rows[Math.min(rows.length - 1, index + 1)]); break;
      case "k": focusRow(rows[Math.max(0, index - 1)]); break;
      case "a": if (row) press(row, "accept"); else return; break;
      case "r": if (row) press(row, "reject"); else return; break;
      case "s": if (row) press(row, "save"); else return; break;
      case "0": case "1":
        if (!row) return;
        row.querySelector("[data-label]").value = event.key;
        break;
      case "x": {
        if (!row) return;
        const tick = row.querySelector("[data-tick]");
        tick.checked = !tick.checked;
        countTicked();
        break;
      }
      case "e": if (row) row.querySelector("[data-erase]").click(); else return; break;
      default: return;
    }
    event.preventDefault();
  });
}

function setupProgress() {
  const box = document.querySelector("[data-job-status]");
  if (!box) return;
  const bar = box.querySelector("progress");
  const percent = box.querySelector("[data-percent]");
  const stage = box.querySelector("[data-stage]");
  let failures = 0;
  const poll = async () => {
    let status;
    try {
      const response = await fetch(box.dataset.jobStatus, {
        headers: { "X-CSRF-Token": csrf, Accept: "application/json" },
        credentials: "same-origin", cache: "no-store",
      });
      if (!response.ok) throw new Error(String(response.status));
      status = await response.json();
      failures = 0;
    } catch (err) {
      failures += 1;
      if (failures >= 5) {
        stage.textContent = box.dataset.failedText;
        return;
      }
      setTimeout(poll, 2000);
      return;
    }
    const value = Math.round(status.progress * 100);
    bar.value = value;
    bar.textContent = `${value} %`;
    percent.textContent = String(value);
    stage.textContent = status.stage_text;
    box.dataset.state = status.state;
    if (status.finished) {
      // The same address shows the report once the job has ended (a hash alone would not reload).
      location.reload();
      return;
    }
    setTimeout(poll, 700);
  };
  poll();
}

function setupCopy() {
  document.querySelectorAll("[data-copy]").forEach((button) => {
    const field = document.querySelector(button.dataset.copy);
    const status = document.querySelector("[data-copy-status]");
    button.addEventListener("click", async () => {
      field.select();
      try {
        await navigator.clipboard.writeText(field.value);
        status.textContent = button.dataset.copiedText;
      } catch (err) {
        status.textContent = button.dataset.copyFailedText;
      }
    });
  });
}

setupQueue();
setupProgress();
setupCopy();
document.body.dataset.ready = "1";
