// The editor's loop, timed: start `areena serve` on a site, open the event stream of
// one organisation's page (as a browser tab does), edit files as an editor would and
// measure the time from the save to the reload event, and to the new page being
// served. Also the search bundle's catching up after a front-matter edit, and the
// server's memory over many edits.
//
//   node bench/serve-edit.mjs --areena target/release/areena --site DIR
//        [--edits 10] [--memory-edits 1000] [--pause-ms 300] [--json FILE]
//
// The site is edited in place (one organisation file, and templates/organisation.html
// is written and removed): use a generated copy. Prints a Markdown table; --json writes
// the raw figures.

import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { performance } from "node:perf_hooks";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((acc, a, i, all) => {
    if (a.startsWith("--")) acc.push([a.slice(2), all[i + 1] && !all[i + 1].startsWith("--") ? all[i + 1] : "1"]);
    return acc;
  }, []),
);
const areena = args.areena ?? "target/release/areena";
const site = args.site;
if (!site) {
  console.error("usage: node bench/serve-edit.mjs --site DIR [--areena BIN] [--edits N] [--memory-edits N]");
  process.exit(2);
}
const EDITS = Number(args.edits ?? 10);
const MEMORY_EDITS = Number(args["memory-edits"] ?? 0);
const PAUSE = Number(args["pause-ms"] ?? 300);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// The server, and the lines it prints.
const child = spawn(areena, ["serve", "--port", "0", "--root", site], {
  env: { ...process.env, AREENA_TODAY: "2026-11-23" },
  stdio: ["ignore", "ignore", "pipe"],
});
const lines = [];
let lineWaiters = [];
let buffered = "";
child.stderr.on("data", (chunk) => {
  buffered += chunk.toString();
  let i;
  while ((i = buffered.indexOf("\n")) >= 0) {
    const line = buffered.slice(0, i);
    buffered = buffered.slice(i + 1);
    lines.push(line);
    lineWaiters = lineWaiters.filter((w) => !w(line));
  }
});
process.on("exit", () => child.kill("SIGINT"));
const waitLine = (pred, ms = 600_000) =>
  new Promise((resolve, reject) => {
    const found = lines.find(pred);
    if (found) return resolve(found);
    const t = setTimeout(() => reject(new Error("timed out waiting for the server")), ms);
    lineWaiters.push((l) => (pred(l) ? (clearTimeout(t), resolve(l), true) : false));
  });

const started = performance.now();
const serving = await waitLine((l) => l.startsWith("serving "));
const firstBuild = (performance.now() - started) / 1000;
const base = serving.split(" at ")[1].split(" ")[0];
const origin = new URL(base).origin;

// The organisation edited: the first file, and its page.
const orgDir = path.join(site, "content/organisations");
const file = path.join(orgDir, fs.readdirSync(orgDir).filter((f) => f.endsWith(".md")).sort()[0]);
const slug = path.basename(file, ".md");
const toml = fs.readFileSync(path.join(site, "site.toml"), "utf8");
const orgPath = /^\s*organisations\s*=\s*"([^"]+)"/m.exec(toml.split("[paths]")[1] ?? "")?.[1] ?? "jarjestot";
const page = new URL(`${orgPath}/${slug}/`, base).pathname;
const original = fs.readFileSync(file, "utf8");

// The event stream of the page, as the live-reload script opens it.
const events = [];
let eventWaiters = [];
{
  // node:http, not fetch: fetch refuses the stream's `Upgrade` answer.
  const res = await new Promise((resolve, reject) =>
    http.get(`${origin}/__areena/events?page=${encodeURIComponent(page)}`, resolve).on("error", reject),
  );
  let text = "";
  res.on("data", (value) => {
    {
      text += Buffer.from(value).toString();
      let i;
      while ((i = text.indexOf("\n\n")) >= 0) {
        const block = text.slice(0, i);
        text = text.slice(i + 2);
        const name = /^event: (.*)$/m.exec(block)?.[1];
        if (name) {
          const e = { name, at: performance.now() };
          events.push(e);
          eventWaiters = eventWaiters.filter((w) => !w(e));
        }
      }
    }
  });
}
const nextEvent = (after, ms = 120_000) =>
  new Promise((resolve, reject) => {
    const found = events.find((e) => e.at >= after);
    if (found) return resolve(found);
    const t = setTimeout(() => reject(new Error(`no event; events: ${JSON.stringify(events)}; server: ${lines.slice(-5).join(" / ")}`)), ms);
    eventWaiters.push((e) => (e.at >= after ? (clearTimeout(t), resolve(e), true) : false));
  });

const get = async (p) => {
  const r = await fetch(origin + p);
  return { status: r.status, text: await r.text() };
};
// The page once, so the server knows what this tab shows.
await get(page);
const searchEntry = new URL("pagefind/pagefind-entry.json", base).pathname;
// The first search bundle is made after the first version is served.
const searchStart = performance.now();
let entry = "";
for (let i = 0; i < 2400; i++) {
  const r = await get(searchEntry);
  if (r.status === 200) {
    entry = r.text;
    break;
  }
  await sleep(50);
}
const firstSearch = (performance.now() - searchStart) / 1000;

/** One edit; returns ms to the reload event and to the new page (with `marker`). */
async function timed(write, marker) {
  const t0 = performance.now();
  write();
  // The first reload after the save whose page shows the edit (a reload still on its
  // way from an earlier change does not count).
  let after = t0;
  for (;;) {
    const e = await nextEvent(after);
    if (e.name !== "reload") throw new Error(`expected a reload, got ${e.name}`);
    const r = await get(page);
    const t2 = performance.now();
    if (r.text.includes(marker)) return { event: e.at - t0, page: t2 - t0 };
    after = e.at + 0.001;
  }
}

const results = {};
async function series(name, n, make) {
  const runs = [];
  for (let i = 0; i < n; i++) {
    await sleep(PAUSE);
    runs.push(await make(i));
  }
  results[name] = runs;
}

// Body edits: a sentence appended.
await series("body edit", EDITS, (i) => {
  const marker = `Muokkaus numero ${i} tekstiin`;
  return timed(() => fs.writeFileSync(file, `${original}\n${marker}.\n`), marker);
});

// Front-matter edits: the organisation changes theme (it leaves one theme page and
// enters another); also how long until the search bundle has caught up.
const themesLine = /^themes = \[.*\]$/m.exec(original)?.[0];
const themeIds = [...fs.readFileSync(path.join(site, "content/themes.toml"), "utf8").matchAll(/^id = "([^"]+)"/gm)].map(
  (m) => m[1],
);
const search = [];
const versionAfter = () => {
  // The server prints "built version N: …" for each version it makes.
  const i = lines.findLastIndex((l) => l.startsWith("built version "));
  return Number(/^built version (\d+)/.exec(lines[i])?.[1] ?? 0);
};
await series("front-matter edit", EDITS, async (i) => {
  const theme = themeIds[i % themeIds.length];
  // Start when the search index of the last version is in place, so that this edit's
  // index is measured alone.
  const last = versionAfter();
  await waitLine((l) => Number(/^search index of version (\d+) ready/.exec(l)?.[1] ?? -1) >= last, 600_000).catch(
    () => {},
  );
  const r = await timed(
    () => fs.writeFileSync(file, original.replace(themesLine, `themes = ["${theme}"]`) + `\nTeema ${i}.\n`),
    `Teema ${i}.`,
  );
  const saved = performance.now() - r.page;
  await waitLine((l) => l.startsWith("built version ") && Number(/^built version (\d+)/.exec(l)[1]) > last);
  const version = versionAfter();
  await waitLine((l) => Number(/^search index of version (\d+) ready/.exec(l)?.[1] ?? -1) >= version, 600_000);
  search.push(performance.now() - saved);
  return r;
});
results["search bundle after a front-matter edit"] = search.map((s) => ({ event: s, page: s }));

// Template edits: the site overrides the organisation page's template.
const builtinTemplate = fs.readFileSync(new URL("../themes/default/templates/organisation.html", import.meta.url), "utf8");
const templateFile = path.join(site, "templates/organisation.html");
fs.mkdirSync(path.dirname(templateFile), { recursive: true });
await series("template edit", EDITS, (i) => {
  const marker = `malli-${i}-merkki`;
  return timed(
    () => fs.writeFileSync(templateFile, builtinTemplate.replace("</h1>", ` <small>${marker}</small></h1>`)),
    marker,
  );
});
fs.rmSync(templateFile);
fs.writeFileSync(file, original);
await sleep(2000);

// Memory over many body edits.
const memory = [];
const status = () => {
  const s = fs.readFileSync(`/proc/${child.pid}/status`, "utf8");
  const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+)`, "m").exec(s)[1]);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
};
if (MEMORY_EDITS > 0) {
  memory.push({ edits: 0, ...status() });
  for (let i = 1; i <= MEMORY_EDITS; i++) {
    const marker = `Muisti ${i} kierros`;
    await timed(() => fs.writeFileSync(file, `${original}\n${marker}.\n`), marker);
    await sleep(20);
    if (i % Math.max(1, Math.floor(MEMORY_EDITS / 10)) === 0) memory.push({ edits: i, ...status() });
  }
  fs.writeFileSync(file, original);
}

const exited = new Promise((r) => child.once("exit", r));
child.kill("SIGINT");
await exited;
const fmt = (x) => x.toFixed(0);
console.log(`first version served after ${firstBuild.toFixed(2)} s; first search bundle ${firstSearch.toFixed(2)} s later`);
console.log("");
console.log("| edit | runs | reload event ms (median) | min | max | new page served ms (median) |");
console.log("|---|---:|---:|---:|---:|---:|");
for (const [name, runs] of Object.entries(results)) {
  if (!runs.length) continue;
  const ev = runs.map((r) => r.event);
  console.log(
    `| ${name} | ${runs.length} | ${fmt(median(ev))} | ${fmt(Math.min(...ev))} | ${fmt(Math.max(...ev))} | ${fmt(median(runs.map((r) => r.page)))} |`,
  );
}
if (memory.length) {
  console.log("");
  console.log("| edits | RSS MiB | peak RSS MiB |");
  console.log("|---:|---:|---:|");
  for (const m of memory) console.log(`| ${m.edits} | ${m.rss.toFixed(0)} | ${m.peak.toFixed(0)} |`);
}
if (args.json) fs.writeFileSync(args.json, JSON.stringify({ firstBuild, firstSearch, results, memory }, null, 2));
process.exit(0);
