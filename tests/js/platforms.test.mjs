import { test } from "node:test";
import assert from "node:assert/strict";

import { PLATFORMS, detectPlatform, reportingHelp } from "../../extension/lib/platforms.js";

const CASES = [
  ["https://www.facebook.com/groups/123/posts/456", "facebook"],
  ["https://m.facebook.com/story.php?id=1", "facebook"],
  ["https://www.instagram.com/p/abc/", "instagram"],
  ["https://x.com/someone/status/1", "x"],
  ["https://twitter.com/someone/status/1", "x"],
  ["https://mobile.twitter.com/someone", "x"],
  ["https://www.tiktok.com/@someone/video/1", "tiktok"],
  ["https://www.youtube.com/watch?v=abc", "youtube"],
  ["https://youtu.be/abc", "youtube"],
  ["https://m.youtube.com/watch?v=abc", "youtube"],
  ["https://www.reddit.com/r/thenetherlands/comments/x", "reddit"],
  ["https://old.reddit.com/r/belgium/", "reddit"],
  ["https://nos.nl/artikel/1", null],
  ["https://notfacebook.com/", null],
  ["https://facebook.com.evil.example/", null],
  ["file:///home/x/facebook.com.html", null],
  ["", null],
  ["not a url", null],
];

for (const [url, expected] of CASES) {
  test(`detectPlatform(${JSON.stringify(url)}) is ${expected}`, () => {
    assert.equal(detectPlatform(url), expected);
  });
}

test("every platform has an https reporting help page in both languages", () => {
  for (const id of Object.keys(PLATFORMS)) {
    for (const lang of ["nl", "en"]) {
      const help = reportingHelp(id, lang);
      assert.equal(help.id, id);
      assert.ok(help.name);
      assert.match(help.url, /^https:\/\//);
    }
  }
  assert.equal(reportingHelp(null, "nl"), null);
  assert.equal(reportingHelp("myspace", "nl"), null);
  assert.equal(reportingHelp("toString", "nl"), null);
});
