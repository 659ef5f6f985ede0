import { test } from "node:test";
import assert from "node:assert/strict";

import { highlightSegments } from "../../extension/lib/highlight.js";

const marked = (segments) => segments.filter((s) => s.highlight).map((s) => s.text);
const joined = (segments) => segments.map((s) => s.text).join("");

test("terms are highlighted case-insensitively and the text stays whole", () => {
  const text = "Rot op naar je eigen land, ROT OP!";
  const segments = highlightSegments(text, [{ term: "rot op", weight: 1.2 }, { term: "land", weight: 0.4 }]);
  assert.equal(joined(segments), text);
  assert.deepEqual(marked(segments), ["Rot op", "land", "ROT OP"]);
});

test("only terms that pushed towards harmful are highlighted", () => {
  const segments = highlightSegments("fijne dag allemaal", [{ term: "fijne", weight: -0.8 }]);
  assert.deepEqual(marked(segments), []);
});

test("whole words win over pieces of words; overlapping terms keep the longer one", () => {
  const text = "jeugd en je moeder";
  assert.deepEqual(marked(highlightSegments(text, [{ term: "je", weight: 1 }])), ["je"]);
  const overlap = highlightSegments("de vuilnisbak", [{ term: "vuil", weight: 2 }, { term: "vuilnisbak", weight: 1 }]);
  assert.deepEqual(marked(overlap), ["vuilnisbak"]);
});

test("terms with regex characters and no explanation at all are handled", () => {
  assert.deepEqual(marked(highlightSegments("wat (echt)?", [{ term: "(echt)?", weight: 1 }])), ["(echt)?"]);
  assert.deepEqual(highlightSegments("tekst", undefined), [{ text: "tekst", highlight: false }]);
  assert.deepEqual(highlightSegments("", [{ term: "x", weight: 1 }]), []);
});

test("accented letters count as word characters", () => {
  assert.deepEqual(marked(highlightSegments("café cafés", [{ term: "café", weight: 1 }])), ["café"]);
});

test("only the heaviest terms are highlighted", () => {
  const explanation = [
    { term: "a", weight: 0.1 }, { term: "b", weight: 0.5 }, { term: "c", weight: 0.9 }, { term: "d", weight: 0.3 },
  ];
  assert.deepEqual(marked(highlightSegments("a b c d", explanation, { limit: 2 })), ["b", "c"]);
});
