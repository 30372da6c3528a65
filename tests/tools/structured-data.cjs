// Check built pages' structured data as search engines read it: structured-data-testing-tool's Google and
// Facebook presets, plus the fields Google documents for what these pages carry (Article with dated,
// logo'd publisher; BreadcrumbList; ItemList). Prints one line per failed or warned test, "FILE: GROUP: TEST",
// then a JSON summary per file; exits 1 if any test failed or warned.
const { readFileSync } = require("node:fs");
const { structuredDataTest } = require("structured-data-testing-tool");
const { Google } = require("structured-data-testing-tool/presets/google");
const { Facebook } = require("structured-data-testing-tool/presets/facebook");

const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;
const ABSOLUTE = /^https?:\/\//;

// Google's Article guide: author and publisher with a name, a URL and (publisher) a logo of a known size.
const ArticleDetails = {
  name: "Article details",
  description: "Article fields Google recommends, with their values' shape",
  // No `schema`: the tool would then test each instance as a single value, which its RegExp check
  // mishandles; over all instances ("Article[*]") every value is an array and is checked as one.
  conditional: { test: "Article", type: "jsonld" },
  tests: [
    { test: "Article[*].datePublished", expect: ISO_DATE, type: "jsonld" },
    { test: "Article[*].dateModified", expect: ISO_DATE, type: "jsonld" },
    { test: "Article[*].image", expect: ABSOLUTE, type: "jsonld" },
    { test: 'Article[*].author."@type"', expect: "Organization" },
    { test: "Article[*].author.name", type: "jsonld" },
    { test: "Article[*].author.url", expect: ABSOLUTE, type: "jsonld" },
    { test: 'Article[*].publisher.logo."@type"', expect: "ImageObject" },
    { test: "Article[*].publisher.logo.url", expect: ABSOLUTE, type: "jsonld" },
    { test: "Article[*].publisher.logo.width", type: "jsonld" },
    { test: "Article[*].publisher.logo.height", type: "jsonld" },
    { test: "Article[*].mainEntityOfPage", expect: ABSOLUTE, type: "jsonld" },
  ],
};

// Google's breadcrumb and carousel (ItemList) guides: every ListItem has a position, a name and an absolute
// item URL (breadcrumbs), or a position and an absolute url (lists). The first bad entry is looked up with
// JMESPath and must not exist (expect: false): nested lists are beyond the tool's per-instance rewriting.
const Lists = {
  name: "Lists",
  description: "BreadcrumbList and ItemList entries as Google requires them",
  tests: [
    { test: "BreadcrumbList", type: "jsonld", description: "a BreadcrumbList" },
    { test: "BreadcrumbList[].itemListElement[][?!position || !name || !starts_with(item, 'http')] | [0]",
      type: "jsonld", expect: false, description: "every breadcrumb has a position, a name and an absolute item URL" },
    { test: "ItemList[].itemListElement[][?!position || !starts_with(url, 'http')] | [0]",
      type: "jsonld", expect: false, description: "every ItemList entry has a position and an absolute url" },
  ],
};

async function check(path) {
  let result;
  try {
    result = await structuredDataTest(readFileSync(path), { presets: [Google, Facebook, ArticleDetails, Lists] });
  } catch (error) {
    if (error.type !== "VALIDATION_FAILED") throw error;
    result = error.res;
  }
  for (const test of [...result.failed, ...result.warnings]) {
    const kind = result.failed.includes(test) ? "failed" : "warning";
    const group = (test.groups || [test.group]).join(" > ");
    console.log(`${path}: ${kind}: ${group}: ${test.description || test.test} (${test.test}: ${JSON.stringify(test.value)})`);
  }
  return { path, passed: result.passed.length, failed: result.failed.length, warnings: result.warnings.length,
           schemas: result.schemas };
}

(async () => {
  const summaries = [];
  for (const path of process.argv.slice(2)) summaries.push(await check(path));
  console.log(JSON.stringify(summaries));
  process.exit(summaries.some((s) => s.failed || s.warnings) ? 1 : 0);
})();
