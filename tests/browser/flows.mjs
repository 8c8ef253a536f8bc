// flows.mjs: civic's pages clicked through in headless Chromium, as a person
// would: fields found by their labels, buttons by their text, assertions on
// what the page shows.  Run by browser.sh (which starts the stack and the
// staff accounts); prints one "ok - …" or "FAIL - …" line per check and
// exits non-zero when any failed.
//
//	node flows.mjs BASE
//
// Environment: CIVIC_SHOTS (where the screenshots go, one per page
// visited), CIVIC_STAFF_PW (the staff password), CIVIC_OFFICE_NO and
// CIVIC_CLERK_NO (the staff numbers of the information office's and of the
// 市政局's clerk), CIVIC_CONSULT_CLERK_NO and CIVIC_SUPERVISOR_NO (the
// 公安局's clerk on duty for the consultation, and the supervisor),
// CIVIC_EVAL_CLERK_NO and CIVIC_EVAL_OFFICE_NO (the 交通局's clerk whose
// letters are rated badly, and the office's member who decides appeals),
// CIVIC_EVAL_LETTERS (eight replied letters of the 交通局, two for each
// browser, query code DEMQ234567), CIVIC_PR_CLERK_NO and CIVIC_PR_CLERK2_NO
// (the clerks of the 城管局 and the 自然资源局, who review the pre-review's
// item in parallel), CIVIC_FLOWS (which features' flows: "mailbox",
// "consult", "evaluate", "prereview", "a11y"; all five by default), CHROMIUM
// (default /usr/bin/chromium), CIVIC_THEME_BASE (the address of the same
// programs with the county-portal theme: http://spawned.test:PORT).
//
// The flows (doc/browser-tests.md): the citizen writes a letter and tracks
// it; the office, the clerk and the office again take it to a published
// reply, signing in and out; the public list and search show it; the
// citizen reads the reply and rates it at the evaluation's page, by the
// link the letter's page carries; a second letter is written with the
// keyboard alone.  The consultation: the citizen asks and lands on the
// conversation page; the clerk on duty answers from the desk (once with a
// canned answer) and writes an internal note; the citizen sees the answers
// come in (with JavaScript, by the page's poll, without reloading) and
// rates them by the link to the evaluation's page; the supervisor finds the question and the figures; the ask
// form suggests a published answer (with JavaScript as the subject is
// typed, without by its button); a question is asked with the keyboard
// alone.  The evaluation: a letter rated 非常不满意 (refused without a
// reason, then sent) goes through the 差评 loop, the clerk's return visit
// and rectification, to the public results; a second, rated with the
// keyboard alone, is appealed and the office upholds it.  The pre-review:
// the citizen finds an item by search and applies with files; two
// departments' clerks each ask for the same material's correction; the
// citizen sees one notice with both notes, replaces the file; both pass,
// the item's department completes; the supervisor's board.  The a11y
// flow: the display modes, 200 % text, every other public form and the
// staff sign-in and sign-out by keyboard alone (KB_FORMS), and the main
// public pages in the county-portal theme.
// Each runs in four browsers: JavaScript on and off, at 1280x900
// and at 375x812.  Every page visited is weighed (a table of the views at
// the end, each public one at most 60 KB, no request off the site), and
// each public view is checked once without its CSS.  axe-core runs once a
// view (viewOf: the page's kind, display mode and theme) in each browser
// with JavaScript on, and the count is printed for every page (the view's
// for the pages whose view was checked).  With JavaScript off it cannot run
// in the page (a script, its timers never fire); most pages send no script
// and are the same either way, but the consultation's ask and conversation
// pages do, so with JavaScript off those are checked in a copy of what the
// page shows, opened in a browser with JavaScript on and their scripts
// blocked.

import { chromium } from 'playwright-core';
import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// The disclosure catalogue's flows (CIVIC_CAT_CLERK_NO: the 县财政局's clerk).
import { catalogueFlows } from './catalogue.mjs';
import { staffkeysFlows } from './staffkeys.mjs';
import { citizenkeysFlows } from './citizenkeys.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const BASE = process.argv[2];
if (!BASE) {
	console.log('FAIL - usage: node flows.mjs BASE');
	process.exit(1);
}
const SHOTS = process.env.CIVIC_SHOTS || 'browser-shots';
const PW = process.env.CIVIC_STAFF_PW || '';
const OFFICE = process.env.CIVIC_OFFICE_NO || '';
const CLERK = process.env.CIVIC_CLERK_NO || '';
const CONSULT_CLERK = process.env.CIVIC_CONSULT_CLERK_NO || '';
const SUPERVISOR = process.env.CIVIC_SUPERVISOR_NO || '';
const CLERK_EVAL = process.env.CIVIC_EVAL_CLERK_NO || '';
const OFFICE_EVAL = process.env.CIVIC_EVAL_OFFICE_NO || '';
const EVAL_LETTERS = (process.env.CIVIC_EVAL_LETTERS || '').split(/\s+/).filter((x) => x);
const PR_CLERK = process.env.CIVIC_PR_CLERK_NO || '';
const PR_CLERK2 = process.env.CIVIC_PR_CLERK2_NO || '';
const CAT_CLERK = process.env.CIVIC_CAT_CLERK_NO || '';
const FLOWS = (process.env.CIVIC_FLOWS || 'mailbox consult evaluate prereview catalogue a11y staffkeys citizenkeys').split(/[\s,]+/);
// The same programs with examples/themes/county-portal's layout.xsl
// (browser.sh: a second instance of each public program behind nginx's
// second virtual server, spawned.test, which Chromium resolves to
// 127.0.0.1).
const THEME_BASE = process.env.CIVIC_THEME_BASE || '';
// Where a page's requests may go: the site's own addresses, on loopback.
const ORIGINS = new Set([new URL(BASE).origin, ...(THEME_BASE ? [new URL(THEME_BASE).origin] : [])]);
mkdirSync(SHOTS, { recursive: true });

// The mailbox's and the consultation's flows run side by side (main): each
// one's lines are kept and printed together once both are done, so that
// they do not interleave.  say() prints a line, or keeps it for the flow it
// is called from.
const lines = new AsyncLocalStorage();
const kept = new Set();
function say(line) {
	const buf = lines.getStore();
	if (buf) buf.push(line);
	else console.log(line);
}
// Killed (browser.sh's timeout): what the flows said so far, then the end.
process.on('SIGTERM', () => {
	for (const buf of kept) for (const l of buf) console.log(l);
	console.log('FAIL - flows.mjs: killed (SIGTERM) before the flows ended');
	process.exit(1);
});

let passed = 0, failed = 0;
function ok(name) { passed++; say(`ok - ${name}`); }
function fail(name, why) {
	failed++;
	say(`FAIL - ${name}${why ? ': ' + String(why).split('\n')[0] : ''}`);
}

// A valid 1x1 PNG (a grey pixel): the attachment the writer adds.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==', 'base64');

// ---------------------------------------------------------------- views

// A page's kind (its "view"): its path with the ids in it made ":id" (a
// segment with a digit, or a token of 16 characters or more), the names of
// its query's parameters (a11y, the display mode, left out: the mode is
// told by <html>'s classes), POST when the page is the answer to a form
// sent (not redirected: the mailbox's preview is at its form's address),
// the status when it is not 200 (a refused form, 422, or the sign-in a
// staff page asks for, 403, is a page of its own: its error messages are
// what axe must see), the display mode and the theme.  axe runs once a
// view in each browser configuration, the no-CSS check once a public view,
// and the weights are tabled by view.
function viewOf(url, method, status, mode, theme) {
	const u = new URL(url);
	const path = u.pathname.split('/').map((x) => (/\d/.test(x) || x.length >= 16 ? ':id' : x)).join('/');
	const q = [...new Set([...u.searchParams.keys()].filter((k) => k !== 'a11y'))].sort();
	return (method === 'POST' ? 'POST ' : '') + path + (q.length ? '?' + q.join('&') : '') +
		(status && status !== 200 ? ` (${status})` : '') + (mode ? ` [${mode}]` : '') + (theme ? ` {${theme}}` : '');
}

// What each view's first check found, by browser configuration and view:
// a promise of { n (violations; -1 when axe failed), at (the page checked) }.
const axeViews = new Map();
// The bytes a resource took when it came over the network, by address: a
// page that finds its CSS in the browser's cache still counts it.
const BYTES = new Map();
// The heaviest visit of each view: { view, staff, total, by, at }.
const weights = new Map();
let weighed = 0;
const foreign = [];
// The public views waiting for, or done with, their check without CSS.
const noCssViews = new Map();

// One browser context: a person with one browser, JavaScript on or off, at
// one size.  visit() is called on every page the person arrives at.  opts:
// theme (its name, for the views) and base (the site's address with it).
class Person {
	constructor(browser, role, js, width, height, opts = {}) {
		this.browser = browser;
		this.role = role;
		this.js = js;
		this.tag = `${js ? 'js' : 'nojs'}-${width}`;
		this.size = { width, height };
		this.n = 0;
		this.theme = opts.theme || '';
		this.base = opts.base || BASE;
		this.status = 0;
		this.reqs = [];
	}
	async open() {
		this.ctx = await this.browser.newContext({ javaScriptEnabled: this.js,
			viewport: this.size, locale: 'zh-CN' });
		this.page = await this.ctx.newPage();
		this.page.setDefaultTimeout(15000);
		// The page's status (the last response of the main frame's
		// navigation, after any redirect) and its requests in the order they
		// were made, weighed at the next visit(); any request to an address
		// other than the site's.
		this.page.on('response', (r) => {
			if (r.request().isNavigationRequest() && r.frame() === this.page.mainFrame()) {
				this.status = r.status();
				this.method = r.request().method();
			}
		});
		this.page.on('request', (rq) => {
			const u = new URL(rq.url());
			if (/^https?:$/.test(u.protocol) && !ORIGINS.has(u.origin)) foreign.push(`${this.tag} ${rq.url()}`);
			this.reqs.push(rq);
		});
		// The browser runs scripts, or not, as this person's is set to.
		await this.page.setContent('<title>off</title><script>document.title = "on"</script>');
		const t = await this.page.title();
		if (t === (this.js ? 'on' : 'off')) ok(`${this.tag} the ${this.role}'s browser: JavaScript is ${t}`);
		else fail(`${this.tag} the ${this.role}'s browser: JavaScript is ${this.js ? 'on' : 'off'}`, `a script ${t === 'on' ? 'ran' : 'did not run'}`);
		return this;
	}
	async close() {
		await this.ctx.close();
		await this.copies;
		if (this.copy) await this.copy.ctx.close();
	}
	// The page now on screen: a screenshot, lang="zh-CN", its weight, and
	// axe's count (once a view in this configuration; the count of the
	// view's check printed for the others).  With JavaScript off, a page
	// that sends a script (what it shows differs from what a browser with
	// JavaScript shows) is checked in a copy.  A public view seen for the
	// first time is queued for the check without CSS.
	async visit(what) {
		const p = this.page;
		this.shown = Date.now();
		this.n++;
		const file = join(SHOTS, `${this.tag}-${this.role}-${String(this.n).padStart(2, '0')}-${what}.png`);
		await p.screenshot({ path: file, fullPage: true });
		const info = await p.evaluate((js) => ({
			lang: document.documentElement.getAttribute('lang'),
			mode: [...document.documentElement.classList].filter((c) => c.startsWith('a11y-')).sort().join(' '),
			// A staff page: signed in (the staff bar), or the sign-in form
			// (asked for by a staff page, or /account/signin).
			staff: !!document.querySelector('.staff-bar, input[name="staff_no"]'),
			scripts: document.querySelectorAll('script').length,
			// What the page loads (the scripts only when they run).
			res: [...document.querySelectorAll(`link[rel~="stylesheet"][href], link[rel~="icon"][href], img[src]${js ? ', script[src]' : ''}`)]
				.map((e) => e.href || e.src),
		}), this.js);
		if (info.lang === 'zh-CN') ok(`${this.tag} ${what}: lang="zh-CN"`);
		else fail(`${this.tag} ${what}: lang="zh-CN"`, `lang is ${info.lang}`);
		const view = viewOf(p.url(), this.method, this.status, info.mode, this.theme);
		await this.weigh(what, view, info);
		if (!info.staff && !noCssViews.has(view)) noCssQueue(view, p.url(), await p.content());
		const key = `${this.tag} ${view}`;
		const seen = axeViews.get(key);
		if (seen) {
			const r = await seen;
			say(`# axe ${this.tag} ${what}: ${r.n < 0 ? 'not checked (axe failed)' : r.n + ' violations'}, ` +
				`as its view ${view} (${r.at})`);
		} else if (this.js) {
			const run = axeCheck(p, `${this.tag} ${what}`).then((n) => ({ n, at: what }));
			axeViews.set(key, run);
			await run;
		} else if (info.scripts > 0) {
			axeViews.set(key, this.axeCopy(what));
		}
	}
	// The bytes this page took: its document (the last navigation of the
	// main frame since the previous visit) and everything it loads, as
	// transferred (headers and body); what came from the browser's cache
	// counted as it came the first time.  Requests the page's script makes
	// (xhr, fetch: the consultation's poll) are not the page's weight.
	async weigh(what, view, info) {
		const reqs = this.reqs;
		this.reqs = [];
		let doc = null;
		const res = new Map();
		for (const rq of reqs) {
			if (rq.isNavigationRequest()) {
				if (rq.frame() === this.page.mainFrame()) { doc = rq; res.clear(); }
				continue;
			}
			if (!['xhr', 'fetch', 'eventsource', 'websocket'].includes(rq.resourceType())) res.set(rq.url(), rq);
		}
		const size = async (rq) => {
			const r = await rq.response();
			if (!r) return 0;
			await r.finished();
			const s = await rq.sizes();
			return s.responseHeadersSize + s.responseBodySize;
		};
		const by = {};
		let total = 0;
		const add = (type, n) => { by[type] = (by[type] || 0) + n; total += n; };
		if (doc) add('document', await size(doc));
		for (const [url, rq] of res) {
			const n = await size(rq);
			if (n > 0) BYTES.set(url, { type: rq.resourceType(), n });
		}
		for (const url of new Set([...res.keys(), ...info.res])) {
			let b = BYTES.get(url);
			// Never over the network in any browser yet (not expected):
			// fetched once, the headers counted as they are written.
			if (!b) {
				const r = await this.ctx.request.get(url);
				const h = Object.entries(r.headers()).reduce((n, [k, v]) => n + k.length + v.length + 4, 0);
				b = { type: /\.css(\?|$)/.test(url) ? 'stylesheet' : /\.js(\?|$)/.test(url) ? 'script' : 'other',
					n: h + (await r.body()).length };
				BYTES.set(url, b);
			}
			add(b.type, b.n);
		}
		if (!doc) return;	// a page that did not come from the server (setContent)
		weighed++;
		const w = weights.get(view);
		if (!w || total > w.total) weights.set(view, { view, staff: info.staff, total, by, at: `${this.tag} ${what}` });
	}
	// axe on what this browser without JavaScript shows: its document, served
	// at its address to a browser of the same size with JavaScript on, which
	// loads the page's style sheets and none of its scripts.  The copies are
	// checked one after another while the flow goes on (close() waits for
	// them), so that their lines may come a few pages late.
	async axeCopy(what) {
		const u = new URL(this.page.url());
		u.hash = '';
		const doc = { url: u.href, html: await this.page.content() };
		this.copies = (this.copies || Promise.resolve()).then(async () => {
			let n = -1;
			try {
				if (!this.copy)
					this.copy = await replayBrowser(this.browser, true, this.size,
						(rq) => rq.resourceType() === 'script');
				await this.copy.show(doc);
				n = await axeCheck(this.copy.page, `${this.tag} ${what}`);
			} catch (e) {
				fail(`${this.tag} ${what}: axe WCAG 2.1 A/AA`, `the copy without JavaScript: ${e.message}`);
			}
			return { n, at: what };
		});
		return this.copies;
	}
	// The mailbox refuses a form sent less than min_fill_seconds (1, set by
	// browser.sh) after it was made, in whole seconds: a little over a
	// second after the page was on screen, whatever filling it took.
	async fillTime() {
		await this.page.waitForTimeout(Math.max(0, 1100 - (Date.now() - this.shown)));
	}
	async go(path, what) {
		const r = await this.page.goto(this.base + path);
		if (r && r.status() >= 400) fail(`${this.tag} ${what}: GET ${path}`, `status ${r.status()}`);
		await this.visit(what);
	}
	// Presses the button (or link) with that text and waits for the next page.
	async press(text, what, scope) {
		const s = scope || this.page;
		await Promise.all([
			this.page.waitForNavigation(),
			s.getByRole('button', { name: text, exact: true }).click(),
		]);
		await this.visit(what);
	}
	async follow(text, what) {
		await Promise.all([
			this.page.waitForNavigation(),
			this.page.getByRole('link', { name: text }).first().click(),
		]);
		await this.visit(what);
	}
	// check NAME: the text is on screen (visible, in the main part).
	async sees(name, text) {
		try {
			await this.page.locator('main').getByText(text).first().waitFor({ state: 'visible', timeout: 5000 });
			ok(`${this.tag} ${name}`);
			return true;
		} catch (e) {
			fail(`${this.tag} ${name}`, `"${text}" not on screen at ${this.page.url()}`);
			return false;
		}
	}
}

// axe on the page: returns the number of violations (-1 when it failed).
// resultTypes: only the violations with every element; a rule that passed
// is still listed (once), which is all the count needs.
// A browser that shows a document saved from another one, served at its
// own address, and sends the page's other requests on, except those that
// refuse() names (counted): the scripts, for axe on what a browser without
// JavaScript showed; the style sheets, for a page without its CSS.
async function replayBrowser(browser, js, size, refuse) {
	const ctx = await browser.newContext({ javaScriptEnabled: js, viewport: size, locale: 'zh-CN' });
	const page = await ctx.newPage();
	page.setDefaultTimeout(15000);
	const r = { ctx, page, doc: null, refused: 0 };
	await page.route('**/*', (route) => {
		const rq = route.request();
		if (rq.resourceType() === 'document' && r.doc && rq.url() === r.doc.url)
			return route.fulfill({ status: 200, body: r.doc.html, contentType: 'text/html; charset=UTF-8' });
		if (refuse(rq)) {
			r.refused++;
			return route.abort();
		}
		return route.continue();
	});
	r.show = async (doc) => {
		r.doc = doc;
		await page.goto(doc.url);
	};
	return r;
}

async function axeCheck(page, name) {
	try {
		await page.evaluate(AXE);
		const r = await page.evaluate((tags) => globalThis.axe.run(document,
			{ runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }), AXE_TAGS);
		const n = r.violations.length;
		say(`# axe ${name}: ${n} violations, ${r.passes.length} rules passed`);
		if (n === 0) {
			ok(`${name}: axe WCAG 2.1 A/AA`);
		} else {
			for (const v of r.violations)
				say(`#   ${v.id} (${v.impact}): ${v.help}: ` +
					v.nodes.slice(0, 3).map((x) => x.target.join(' ')).join(', '));
			fail(`${name}: axe WCAG 2.1 A/AA`, `${n} violations: ` +
				r.violations.map((v) => v.id).join(' '));
		}
		return n;
	} catch (e) {
		fail(`${name}: axe WCAG 2.1 A/AA`, e.message);
		return -1;
	}
}

// step NAME FN: runs one step of a flow; an exception fails it and ends the flow.
async function step(who, name, fn) {
	try {
		await fn();
		return true;
	} catch (e) {
		fail(`${who.tag} ${name}`, e.message);
		// Only the picture of where it stopped: no more checks on it.
		try {
			await who.page.screenshot({ path: join(SHOTS, `${who.tag}-${who.role}-failed.png`), fullPage: true });
		} catch (e2) { /* the page is gone */ }
		throw e;
	}
}

// ---------------------------------------------------------------- citizen

// Writes a letter with one PNG attached and tracks it; returns its
// tracking number, query code and subject.
async function citizenWrites(who) {
	const p = who.page;
	const subject = `幸福路井盖破损${who.tag.replace(/[^0-9a-z]/g, '')}`;
	const letter = { subject };
	await step(who, 'the writing form', async () => {
		await who.go('/mailbox/write', 'write');
		await who.sees('the writing form', '给县长写信');
		await p.getByLabel('来信类型').selectOption({ label: '求助' });
		await p.getByLabel('问题分类').selectOption({ label: '市容设施' });
		await p.getByLabel('标题').fill(subject);
		await p.getByLabel('内容').fill('幸福路菜市场门口的井盖破损，已经有行人踩空受伤，请尽快更换。');
		await p.getByLabel('姓名').fill('周建华');
		await p.getByLabel('手机号码').fill('13700001234');
		await p.getByLabel('同意公开我的来信和答复').check();
		// The form refuses what is sent faster than a person writes.
		await who.fillTime();
		await who.press('预览', 'preview');
	});
	await step(who, 'the preview', async () => {
		await who.sees('the preview shows the letter', '幸福路菜市场门口的井盖破损');
		await p.getByLabel('附件一').setInputFiles({ name: '井盖.png', mimeType: 'image/png', buffer: PNG });
		await who.press('确认提交', 'receipt');
	});
	await step(who, 'the receipt', async () => {
		await who.sees('the receipt', '来信已提交');
		const text = await p.locator('main').innerText();
		const no = text.match(/MB\d{8}-\d{4,6}/);
		const code = text.match(/\b[2-9A-HJKMNP-Z]{10}\b/);
		if (no && code) ok(`${who.tag} the receipt shows the tracking number and the query code`);
		else throw new Error(`no tracking number or query code in: ${text.slice(0, 200)}`);
		letter.no = no[0];
		letter.code = code[0];
	});
	await track(who, letter, 'track-received');
	await who.sees('the letter tracked is 已收到', '已收到');
	await who.sees('… with its attachment', '井盖.png');
	return letter;
}

async function track(who, letter, what) {
	const p = who.page;
	await step(who, 'tracking', async () => {
		await who.go('/mailbox/track', 'track');
		await p.getByLabel('查询编号').fill(letter.no);
		await p.getByLabel('查询码').fill(letter.code);
		await who.press('查询', what);
	});
}

// ---------------------------------------------------------------- staff

async function signIn(who, no, name) {
	const p = who.page;
	await step(who, `${name} signs in`, async () => {
		await who.go('/account/signin', 'signin');
		await p.getByLabel('工号').fill(no);
		await p.getByLabel('密码').fill(PW);
		await who.press('登录', 'signed-in');
		await who.sees(`${name} is signed in`, name);
	});
}

async function signOut(who) {
	await step(who, 'sign-out', async () => {
		await who.press('退出', 'signed-out');
		const r = await who.page.goto(BASE + '/mailbox/office');
		await who.visit('office-after-signout');
		const h1 = await who.page.locator('h1').innerText();
		if (h1.includes('工作人员登录'))
			ok(`${who.tag} signed out: the office's inbox asks for a sign-in`);
		else
			throw new Error(`after signing out the office's inbox shows "${h1}" (status ${r && r.status()})`);
	});
}


// ---------------------------------------------------------------- a letter's life

// The office accepts the letter and forwards it to the 市政局; the clerk
// drafts a reply; the office approves it, edits the public version and
// publishes; everyone finds it in the public list and by search; the
// writer reads the reply and rates it.
async function letterLife(staff, citizen, letter) {
	const p = staff.page;
	const reply = '已安排维修人员更换井盖，并在周边设置警示标志。';
	await signIn(staff, OFFICE, '信息办');
	await step(staff, 'the office forwards', async () => {
		await staff.go('/mailbox/office', 'office-inbox');
		await staff.sees('the inbox lists the letter', letter.no);
		await staff.follow(letter.subject, 'office-letter');
		await staff.press('受理', 'office-accepted');
		await staff.sees('the letter is accepted', '已受理');
		await p.getByLabel(/^承办单位/).selectOption({ label: '县市政公用事业管理局' });
		await p.getByLabel('转办意见').fill('请三日内更换井盖。');
		await staff.press('转办', 'office-forwarded');
		await staff.sees('the letter is forwarded to the 市政局', '转办情况');
	});
	await signOut(staff);
	await signIn(staff, CLERK, '市政局');
	await step(staff, 'the clerk drafts', async () => {
		await staff.go('/mailbox/dept', 'dept-list');
		await staff.follow(letter.subject, 'dept-forward');
		await p.getByLabel('答复内容').fill(reply);
		await staff.press('提交信息办审核', 'dept-drafted');
		await staff.sees('the draft waits for review', '答复待审核');
	});
	await signOut(staff);
	await signIn(staff, OFFICE, '信息办');
	await step(staff, 'the office approves and publishes', async () => {
		await staff.go('/mailbox/office', 'office-inbox');
		await staff.follow(letter.subject, 'office-letter');
		await staff.press('审核通过并答复来信人', 'office-replied');
		await staff.sees('the letter is replied', '已答复');
		await staff.follow('编辑公开版本', 'office-public');
		const proposed = await p.getByLabel('公开答复内容').inputValue();
		if (proposed === reply) ok(`${staff.tag} the public version proposes the reply`);
		else fail(`${staff.tag} the public version proposes the reply`, `got "${proposed}"`);
		await p.getByLabel('公开来信内容').fill('幸福路菜市场门口的井盖破损，请尽快更换。');
		await staff.press('保存公开版本', 'office-public-saved');
		if (!/\/office\/\d+$/.test(p.url())) await staff.follow('返回来信详情', 'office-letter');
		await staff.press('公开', 'office-published');
		await staff.page.getByRole('button', { name: '撤销公开', exact: true }).waitFor();
		ok(`${staff.tag} the letter is published (the page offers 撤销公开)`);
	});
	await signOut(staff);
	await step(citizen, 'the public list', async () => {
		await citizen.go('/mailbox/', 'public-list');
		await citizen.sees('the public list shows the letter', letter.subject);
		await citizen.page.getByLabel('关键词').fill('井盖');
		await citizen.press('查找', 'public-search');
		await citizen.sees('a search for 井盖 finds it', letter.subject);
		await citizen.follow(letter.subject, 'public-letter');
		await citizen.sees('its public page shows the edited text', '幸福路菜市场门口的井盖破损，请尽快更换。');
		await citizen.sees('… and the reply', reply);
		const text = await citizen.page.locator('main').innerText();
		if (!text.includes('周建华') && !text.includes('13700001234'))
			ok(`${citizen.tag} … without the writer's name or phone`);
		else
			fail(`${citizen.tag} … without the writer's name or phone`, 'they are on the page');
	});
	await track(citizen, letter, 'track-replied');
	await step(citizen, 'the writer rates', async () => {
		const c = citizen.page;
		await citizen.sees('the writer reads the reply', reply);
		// The rating is the evaluation's (civic-evaluate.fcgi), at the link
		// the letter's page carries.
		await citizen.follow('去评价', 'evaluate-case-letter');
		await citizen.sees('the rating page', '评价办理结果');
		await citizen.sees('… names the letter, not its text', letter.no);
		await c.getByRole('group', { name: /^总体满意度/ }).getByLabel('非常满意').check();
		await c.getByRole('group', { name: /^办事效率/ }).getByLabel('满意', { exact: true }).check();
		await c.getByRole('group', { name: /^办事便利度/ }).getByLabel('非常满意').check();
		await c.getByLabel(/^意见和建议/).fill('处理很快，谢谢。');
		await citizen.press('提交评价', 'evaluate-rated-letter');
		await citizen.sees('the rating is saved', '感谢您的评价！');
		await citizen.sees('… and the page says it is rated', '本件已评价');
	});
	await track(citizen, letter, 'track-rated');
	await step(citizen, 'the rating on the letter', async () => {
		await citizen.sees('the letter\'s page shows the rating', '评价时间');
		if (await citizen.page.getByRole('link', { name: '去评价' }).count() === 0)
			ok(`${citizen.tag} … and no longer the link to rate it`);
		else
			fail(`${citizen.tag} … and no longer the link to rate it`, 'the link is still there');
	});
}


// ---------------------------------------------------------------- keyboard

// A form with the keyboard alone: the page at path, the first Tab on the
// skip link (followed with Enter), then Tab through the fields of order,
// each reached in turn with a visible focus; fill(id) types into each.
// order is either the fields' ids, reached from the first Tab after the
// skip link, or the label of a form's submit button (a string): then the
// fields are that form's, as the page has them in DOM order (kbFormOrder),
// and the Tabs that lead from the skip link to its first field (past the
// links above the form) are not counted.  A field without an id is known
// by its tag and text ("button:获取验证码").  Returns the function that
// tells where the focus is, for what follows.
async function tabThrough(who, path, shot, order, fill, form) {
	const p = who.page;
	const kbn = `keyboard${form ? ' ' + form : ''}`;
	const kb = p.keyboard;
	const focused = () => p.evaluate(() => {
		const e = document.activeElement;
		const cs = getComputedStyle(e);
		const text = e.textContent.trim();
		return { id: e.id, text, key: e.id || `${e.tagName.toLowerCase()}:${text}`,
			visible: (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) ||
				cs.boxShadow !== 'none' };
	});
	await who.go(path, shot);
	await kb.press('Tab');
	let f = await focused();
	if (f.text === '跳到正文' && f.visible) ok(`${who.tag} ${kbn}: the first Tab shows the skip link`);
	else fail(`${who.tag} ${kbn}: the first Tab shows the skip link`, JSON.stringify(f));
	await kb.press('Enter');
	// On the first field already (a form's, found below), or Tab to it.
	let onFirst = false;
	if (typeof order === 'string') {
		const submit = order;
		order = await p.evaluate(kbFormOrder, submit);
		if (!order || order.length === 0) throw new Error(`${path}: no form with fields and the button ${submit}`);
		// Past the links above the form (a search form under a tree of
		// links, a list's filters): at most 80 Tabs to its first field.
		await kb.press('Tab');
		f = await focused();
		for (let i = 0; i < 80 && f.key !== order[0]; i++) {
			await kb.press('Tab');
			f = await focused();
		}
		onFirst = true;
	}
	const seen = [];
	const invisible = [];
	for (let i = 0; i < order.length; i++) {
		if (i > 0 || !onFirst) {
			await kb.press('Tab');
			f = await focused();
		}
		// A field with more than one Tab stop: a date (type="date") has
		// its year, month and day, and its calendar button, whose focus
		// is drawn by Chromium inside the field (the field itself is then
		// not :focus, so that it is not checked here).  The first stop is
		// the one checked; the others are counted and told.
		let more = 0;
		while (i > 0 && f.key === seen[seen.length - 1] && more < 8) {
			more++;
			await kb.press('Tab');
			f = await focused();
		}
		if (more > 0) say(`# ${who.tag} ${kbn}: ${seen[seen.length - 1]} takes ${more + 1} Tab stops`);
		seen.push(f.key);
		if (!f.visible) invisible.push(f.key);
		await fill(f.key);
	}
	if (seen.join(' ') === order.join(' ')) ok(`${who.tag} ${kbn}: Tab goes through the fields in order`);
	else fail(`${who.tag} ${kbn}: Tab goes through the fields in order`, `got ${seen.join(' ')}, expected ${order.join(' ')}`);
	if (invisible.length === 0) ok(`${who.tag} ${kbn}: every field shows its focus`);
	else fail(`${who.tag} ${kbn}: every field shows its focus`, `no outline on ${invisible.join(' ')}`);
	return focused;
}

// In the page: the keys (id, or tag and text) of what Tab must reach in
// the form of main whose submit button reads submit, in DOM order, up to
// that button: fields and other buttons that are shown and in the tab order
// (not the honeypot, tabindex -1); of a group of radio buttons, the one
// Tab lands on (the checked one, or the first).  null without that form.
function kbFormOrder(submit) {
	const label = (b) => (b.textContent || b.value || '').trim();
	const form = [...document.querySelectorAll('main form')].find((x) =>
		[...x.querySelectorAll('button, input[type="submit"]')].some((b) => label(b) === submit));
	if (!form) return null;
	const keys = [];
	const radios = new Set();
	for (const e of form.querySelectorAll('input:not([type="hidden"]), select, textarea, button, a[href], [tabindex]')) {
		if ((e.tagName === 'BUTTON' || e.type === 'submit') && label(e) === submit) break;
		if (e.tabIndex < 0 || e.disabled || e.getClientRects().length === 0 ||
		    getComputedStyle(e).visibility === 'hidden') continue;
		if (e.type === 'radio') {
			if (radios.has(e.name)) continue;
			radios.add(e.name);
			const group = [...form.querySelectorAll('input[type="radio"]')].filter((x) => x.name === e.name);
			const on = group.find((x) => x.checked) || e;
			keys.push(on.id || `input:${label(on)}`);
			continue;
		}
		keys.push(e.id || `${e.tagName.toLowerCase()}:${label(e)}`);
	}
	return keys;
}

// The writing form with the keyboard alone: from the skip link, Tab reaches
// every field in order, each with a visible focus; the letter is filled by
// typing and arrow keys, sent with Enter, and confirmed on the preview with
// Tab and Enter.
async function keyboardWrites(who) {
	const p = who.page;
	const kb = p.keyboard;
	await step(who, 'the form by keyboard', async () => {
		const focused = await tabThrough(who, '/mailbox/write', 'keyboard-write',
		    ['f-type', 'f-category', 'f-department', 'f-subject', 'f-body', 'f-name',
			'f-mobile', 'f-email', 'f-agree'], async (id) => {
			switch (id) {
			case 'f-type': for (let i = 0; i < 4; i++) await kb.press('ArrowDown'); break;
			case 'f-category': for (let i = 0; i < 4; i++) await kb.press('ArrowDown'); break;
			case 'f-subject': await kb.type('键盘填写的来信标题'); break;
			case 'f-body': await kb.type('这封信只用键盘填写和提交，用来检查表单不需要鼠标。'); break;
			case 'f-name': await kb.type('李秀英'); break;
			case 'f-mobile': await kb.type('13800002222'); break;
			case 'f-agree': await kb.press('Space'); break;
			}
		});
		let f;
		await kb.press('Tab');
		f = await focused();
		if (f.text === '预览') ok(`${who.tag} keyboard: after the fields, the 预览 button`);
		else fail(`${who.tag} keyboard: after the fields, the 预览 button`, JSON.stringify(f));
		const v = await p.evaluate(() => [document.getElementById('f-type').value,
			document.getElementById('f-category').value, document.getElementById('f-agree').checked]);
		if (v[0] === 'help' && v[1] === '4' && v[2] === true) ok(`${who.tag} keyboard: arrows choose, Space ticks`);
		else fail(`${who.tag} keyboard: arrows choose, Space ticks`, JSON.stringify(v));
		await who.fillTime();
		// Enter in a text field sends the form, as in any browser.
		await p.getByLabel('手机号码').focus();
		await Promise.all([p.waitForNavigation(), kb.press('Enter')]);
		await who.visit('keyboard-preview');
		await who.sees('keyboard: Enter sends the form to the preview', '预览并提交来信');
		let found = false;
		for (let i = 0; i < 80 && !found; i++) {
			await kb.press('Tab');
			f = await focused();
			found = f.text === '确认提交';
		}
		if (!found) throw new Error('Tab never reached 确认提交');
		await Promise.all([p.waitForNavigation(), kb.press('Enter')]);
		await who.visit('keyboard-receipt');
		await who.sees('keyboard: Tab and Enter on 确认提交 send the letter', '来信已提交');
	});
}

// ---------------------------------------------------------------- consultation

const C_NOTE = '内部备注：核实申请人是否符合户口迁入条件';
const C_ANSWER = '您好，户口迁入需本人身份证、户口簿和房产证明，可在政务服务中心公安窗口一次办结。';
const C_CANNED = '您好，户口迁入可在县政务服务中心公安窗口办理，工作日9:00-17:00，材料齐全当场办结。';
const C_PUBLISHED = '护照办理需要多久';

// The citizen's main text has no internal note.
async function noNote(who, where) {
	const text = await who.page.locator('main').innerText();
	if (!text.includes(C_NOTE)) ok(`${who.tag} ${where}: the internal note is not shown to the citizen`);
	else fail(`${who.tag} ${where}: the internal note is not shown to the citizen`, 'it is on the page');
}

// The citizen asks the 公安局 from the consultation's home page and lands on
// the conversation page, which names the clerk serving and shows the query
// code, once.  Returns the question's number, code and subject.
async function consultAsks(who) {
	const p = who.page;
	const q = { subject: `户口迁移需要哪些材料${who.tag.replace(/[^0-9a-z]/g, '')}` };
	if (who.js) {
		// What the conversation page's script appends to the thread, kept in
		// sessionStorage across reloads (consultLife reads it).
		await who.ctx.addInitScript(() => {
			document.addEventListener('DOMContentLoaded', () => {
				const t = document.getElementById('thread');
				if (!t) return;
				new MutationObserver((ms) => {
					for (const m of ms)
						for (const n of m.addedNodes)
							sessionStorage.setItem('civic-appended',
								(sessionStorage.getItem('civic-appended') || '') + n.textContent + '\n');
				}).observe(t, { childList: true });
			});
		});
	}
	await step(who, 'the ask form', async () => {
		await who.go('/consult/', 'consult-home');
		await who.sees('the consultation lists the 公安局', '向县公安局咨询');
		await who.follow('我要咨询', 'consult-ask');
		await p.getByLabel('咨询窗口').selectOption({ label: '县公安局' });
		await p.getByLabel('问题概要').fill(q.subject);
		await p.getByLabel('详细内容').fill('我在外地工作，想把户口迁回本县，需要准备哪些材料？在哪里办理？');
		await p.getByLabel('姓名').fill('刘晓燕');
		await p.getByLabel('联系电话').fill('13700002468');
		await who.press('提交咨询', 'consult-question');
	});
	await step(who, 'the conversation page', async () => {
		await who.sees('the conversation page says who is serving', `工号 ${CONSULT_CLERK} 正在为您服务`);
		await who.sees('… and asks to write down the query code', '请记下查询码');
		const text = await p.locator('main').innerText();
		const no = text.match(/ZX\d{8}-\d{4,6}/);
		const code = text.match(/\b[2-9A-HJKMNP-Z]{10}\b/);
		if (!no || !code) throw new Error(`no number or query code in: ${text.slice(0, 200)}`);
		q.no = no[0];
		q.code = code[0];
		const times = text.split(q.code).length - 1;
		if (times === 1) ok(`${who.tag} … the query code, once`);
		else fail(`${who.tag} … the query code, once`, `${times} times`);
		await who.sees('… and the question', '想把户口迁回本县');
		await p.reload();
		await who.visit('consult-question-again');
		const again = await p.locator('main').innerText();
		if (again.includes(q.no) && !again.includes(q.code))
			ok(`${who.tag} shown again, the page keeps the number and no longer shows the code`);
		else
			fail(`${who.tag} shown again, the page keeps the number and no longer shows the code`,
				again.includes(q.code) ? 'the code is still there' : 'the number is gone');
	});
	return q;
}

// The thread on the citizen's page shows text: with JavaScript, by the
// page's own poll (every ten seconds; nobody reloads the page), within 15 s
// of the time sent, when the staff member pressed the button; without,
// after the citizen reloads.  Returns the seconds it took.
async function consultArrives(who, text, what, sent) {
	const p = who.page;
	if (!who.js) {
		await p.reload();
		await who.visit(what);
	}
	await p.locator('#thread').getByText(text).first().waitFor({ state: 'visible',
		timeout: Math.max(1000, sent + 15000 - Date.now()) });
	return ((Date.now() - sent) / 1000).toFixed(1);
}

// A staff page asks for a sign-in and, signed in, comes back.
async function signInAt(who, path, no, name, what) {
	const p = who.page;
	await step(who, `${name} signs in`, async () => {
		await who.go(path, 'consult-signin');
		await p.getByLabel('工号').fill(no);
		await p.getByLabel('密码').fill(PW);
		await who.press('登录', what);
		if (new URL(p.url()).pathname !== path) throw new Error(`after signing in: ${p.url()}`);
		await p.locator('header').getByText(name).first().waitFor({ timeout: 5000 });
		ok(`${who.tag} ${name} signs in and is back at ${path}, the name in the page's header`);
	});
}

// The clerk on duty answers at the desk (typed, then a canned answer) with
// an internal note between; the citizen sees each answer come, never the
// note, and rates; the supervisor finds it in the supervision list and in
// the figures.  Each has a browser of their own.
async function consultLife(clerk, supervisor, citizen, q) {
	const p = clerk.page;
	const c = citizen.page;
	// Navigations of the citizen's page, whoever makes them.
	let navs = 0, sent = 0;
	c.on('framenavigated', (f) => { if (f === c.mainFrame()) navs++; });
	await signInAt(clerk, '/consult/desk', CONSULT_CLERK, '公安窗口', 'consult-desk');
	await step(clerk, 'the clerk answers', async () => {
		await clerk.sees('the desk says the clerk is on duty', '您正在值班');
		await clerk.sees('… and lists the question among the clerk\'s', q.no);
		await clerk.follow(q.no, 'consult-desk-question');
		await clerk.sees('the question at the desk, with the callback phone', '13700002468');
		await p.getByLabel('备注内容').fill(C_NOTE);
		await clerk.press('添加备注', 'consult-desk-noted');
		await clerk.sees('the internal note is in the thread, marked', '（市民看不到）');
		await clerk.sees('… with its text', C_NOTE);
		await p.getByLabel('答复内容').fill(C_ANSWER);
		navs = 0;
		sent = Date.now();
		await clerk.press('发送答复', 'consult-desk-answered');
		await clerk.sees('the question is answered', '已答复');
	});
	await step(citizen, 'the answer comes', async () => {
		const secs = await consultArrives(citizen, C_ANSWER, 'consult-answered', sent);
		if (citizen.js) {
			// The poll appends the answer to the page on screen; as the
			// question is now answered, consult.js then reloads the page by
			// itself to offer the link to rate it.
			await c.getByRole('link', { name: '去评价' }).waitFor({ timeout: 5000 });
			const appended = await c.evaluate(() => sessionStorage.getItem('civic-appended') || '');
			if (appended.includes(C_ANSWER))
				ok(`${citizen.tag} the answer appears by the page's poll, without the citizen reloading (${secs} s after it was sent)`);
			else
				fail(`${citizen.tag} the answer appears by the page's poll, without the citizen reloading`,
					`not appended by the script (${navs} navigations)`);
			if (navs === 1) ok(`${citizen.tag} … then the page reloads itself once, for the link to rate it`);
			else fail(`${citizen.tag} … then the page reloads itself once, for the link to rate it`, `${navs} navigations`);
			await citizen.visit('consult-answered');
		} else {
			ok(`${citizen.tag} after a reload, the answer is on the page`);
		}
		await citizen.sees('the answer names the clerk', `工作人员答复（工号 ${CONSULT_CLERK}）`);
		await noNote(citizen, 'the answered page');
		await citizen.sees('the page invites a rating', '欢迎您对办理情况作出评价');
	});
	await step(clerk, 'the clerk answers with a canned answer', async () => {
		await p.getByLabel('常用答复').selectOption({ label: '户口迁入办理地点' });
		await clerk.press('使用', 'consult-desk-canned');
		const v = await p.getByLabel('答复内容').inputValue();
		if (v.trim() === C_CANNED) ok(`${clerk.tag} 使用 puts the canned answer in the answer's box`);
		else throw new Error(`the answer's box holds "${v}"`);
		navs = 0;
		sent = Date.now();
		await clerk.press('发送答复', 'consult-desk-answered-canned');
		await clerk.sees('the canned answer is in the thread', C_CANNED);
	});
	await step(citizen, 'the canned answer comes', async () => {
		const secs = await consultArrives(citizen, C_CANNED, 'consult-answered-again', sent);
		if (citizen.js) {
			if (navs === 0)
				ok(`${citizen.tag} the second answer is appended to the page on screen, with no navigation (${secs} s after it was sent)`);
			else
				fail(`${citizen.tag} the second answer is appended to the page on screen, with no navigation`,
					`${navs} navigations`);
			if (await c.getByRole('link', { name: '去评价' }).count() === 1)
				ok(`${citizen.tag} … and the link to rate it stays`);
			else
				fail(`${citizen.tag} … and the link to rate it stays`, 'no 去评价 link');
			await citizen.visit('consult-answer-appended');
		} else {
			ok(`${citizen.tag} after a reload, the second answer is on the page`);
		}
		await noNote(citizen, 'the page with both answers');
	});
	await step(citizen, 'the citizen rates', async () => {
		// At the evaluation's page (civic-evaluate.fcgi), by the link.
		await citizen.follow('去评价', 'evaluate-case-question');
		await citizen.sees('the rating page', '评价办理结果');
		await c.getByRole('group', { name: /^总体满意度/ }).getByLabel('非常满意').check();
		await c.getByRole('group', { name: /^办事效率/ }).getByLabel('满意', { exact: true }).check();
		await c.getByRole('group', { name: /^指引准确性/ }).getByLabel('非常满意').check();
		await c.getByRole('group', { name: /^办事便利度/ }).getByLabel('满意', { exact: true }).check();
		await c.getByLabel(/^意见和建议/).fill('答复及时，材料说得很清楚。');
		await citizen.press('提交评价', 'evaluate-rated-question');
		await citizen.sees('the rating is saved', '感谢您的评价！');
		await citizen.go(`/consult/q/${q.no}`, 'consult-rated');
		const shown = await c.locator('section', { has: c.getByRole('heading', { name: '服务评价' }) })
			.evaluate((s) => Array.from(s.querySelectorAll('dt')).map((dt) =>
				`${dt.textContent.trim()}=${dt.nextElementSibling ? dt.nextElementSibling.textContent.trim() : ''}`)
				.join(' '));
		const want = '总体满意度=非常满意 办事效率=满意 指引准确性=非常满意 办事便利度=满意';
		if (shown.includes(want))
			ok(`${citizen.tag} … and shown on the question's page: ${want}`);
		else
			fail(`${citizen.tag} … and shown on the question's page: ${want}`, `shown: ${shown}`);
		await citizen.sees('… with the comment', '答复及时，材料说得很清楚。');
		await noNote(citizen, 'the rated page');
	});
	const sp = supervisor.page;
	await signInAt(supervisor, '/consult/supervise', SUPERVISOR, '督查室', 'consult-supervise');
	await step(supervisor, 'the supervisor', async () => {
		await supervisor.sees('the supervision list has the question', q.no);
		const row = await sp.locator('tr', { hasText: q.no }).first().innerText();
		if (row.includes(CONSULT_CLERK) && row.includes('非常满意') && row.includes('已答复'))
			ok(`${supervisor.tag} … answered by ${CONSULT_CLERK}, rated 非常满意`);
		else
			fail(`${supervisor.tag} … answered by ${CONSULT_CLERK}, rated 非常满意`, `the row reads: ${row.replace(/\s+/g, ' ')}`);
		await supervisor.follow('咨询统计', 'consult-figures');
		await supervisor.sees('the figures', '各窗口的咨询办理情况');
		const dept = await sp.locator('tr', { hasText: '县公安局' }).first().innerText();
		const man = await sp.locator('tr', { hasText: '公安窗口' }).first().innerText();
		if (/%/.test(dept) && /%/.test(man))
			ok(`${supervisor.tag} … have a line for the 公安局 and one for its clerk, with rates`);
		else
			fail(`${supervisor.tag} … have a line for the 公安局 and one for its clerk, with rates`,
				`${dept.replace(/\s+/g, ' ')} / ${man.replace(/\s+/g, ' ')}`);
	});
}

// The ask form suggests the published answer for a subject like it: with
// JavaScript as it is typed, without by the 查看类似问题 button; the
// suggestion leads to the answer.
async function consultSuggests(who) {
	const p = who.page;
	await step(who, 'suggestions', async () => {
		await who.go('/consult/ask', 'consult-ask-suggest');
		const subject = p.getByLabel('问题概要');
		if (who.js) {
			await subject.pressSequentially('护照多久能办好', { delay: 30 });
			await p.locator('#consult-suggest').getByRole('link', { name: C_PUBLISHED })
				.waitFor({ state: 'visible', timeout: 5000 });
			ok(`${who.tag} typing the subject shows the published answer in the suggestions`);
			await who.visit('consult-ask-suggested');
		} else {
			await subject.fill('护照多久能办好');
			await p.getByLabel('联系电话').fill('1370000');
			await who.press('查看类似问题', 'consult-ask-similar');
			await who.sees('查看类似问题 shows the published answers like it', '以下已公开的答复可能已解答您的问题');
			await p.locator('main').getByRole('link', { name: C_PUBLISHED }).waitFor({ timeout: 5000 });
			ok(`${who.tag} … among them the published answer`);
			const kept = [await p.getByLabel('问题概要').inputValue(), await p.getByLabel('联系电话').inputValue()];
			if (kept.join(' ') === '护照多久能办好 1370000') ok(`${who.tag} … and keeps what was typed`);
			else fail(`${who.tag} … and keeps what was typed`, kept.join(' '));
		}
		await who.follow(C_PUBLISHED, 'consult-answer');
		await who.sees('the suggestion leads to the published answer', '普通护照办理时限为7个工作日');
	});
}

// The ask form with the keyboard alone: the skip link, then Tab through
// the fields in order, each with a visible focus, and to 提交咨询, pressed
// with Space (JavaScript on) or Enter (off).
async function consultKeyboardAsks(who) {
	const p = who.page;
	const kb = p.keyboard;
	await step(who, 'the ask form by keyboard', async () => {
		const focused = await tabThrough(who, '/consult/ask', 'consult-keyboard-ask',
		    ['f-area', 'f-subject', 'f-body', 'f-name', 'f-phone'], async (id) => {
			switch (id) {
			case 'f-area': await kb.press('ArrowDown'); break;
			case 'f-subject': await kb.type('驾驶证到期怎么换证'); break;
			case 'f-body': await kb.type('驾驶证下个月到期，人在外地，可以在哪里换证？'); break;
			case 'f-name': await kb.type('王建国'); break;
			case 'f-phone': await kb.type('13900003333'); break;
			}
		});
		let f;
		const area = await p.evaluate(() => {
			const s = document.getElementById('f-area');
			return s.options[s.selectedIndex].text;
		});
		if (area === '县公安局') ok(`${who.tag} keyboard: an arrow chooses the 公安局`);
		else fail(`${who.tag} keyboard: an arrow chooses the 公安局`, `chosen: ${area}`);
		await kb.press('Tab');
		f = await focused();
		if (f.text === '提交咨询' && f.visible) ok(`${who.tag} keyboard: after the fields, 提交咨询, its focus visible`);
		else throw new Error(`after the fields the focus is on ${JSON.stringify(f)}`);
		const key = who.js ? 'Space' : 'Enter';
		await Promise.all([p.waitForNavigation(), kb.press(key)]);
		await who.visit('consult-keyboard-question');
		await who.sees(`keyboard: ${key} on 提交咨询 sends the question`, `工号 ${CONSULT_CLERK} 正在为您服务`);
	});
}

// ---------------------------------------------------------------- evaluation

// The 差评 loop (doc/evaluate.md), on letters browser.sh put in replied by
// the 交通局, two for each browser (one rating per case): the writer rates
// the first 非常不满意 by the 去评价 link, is asked for the reason it left
// out, and is promised a call; the department's clerk finds the case at
// the desk, makes the return visit and rectifies it; the public results
// show the summary and nothing of the rater.  The second is rated with the
// keyboard alone; the clerk appeals it and the office upholds the appeal.
const E_COMMENT = '站台顶棚至今没有修，答复说本月修复，实际没人来看过。';
const E_PHONE = '13700005555';
const E_REASON = '问题没有解决';
const E_REPLY = '已通知公交公司在本月内修复站台顶棚。';
// A mark of the browser in the texts staff write, without digits (the
// public summary is masked, and numbers are what masking looks for).
const E_MARK = { 'js-1280': '甲', 'nojs-1280': '乙', 'js-375': '丙', 'nojs-375': '丁' };

// The text of what describes a field (its hint, its error).
function described(loc) {
	return loc.evaluate((e) => (e.getAttribute('aria-describedby') || '').split(/\s+/)
		.map((id) => { const d = id && document.getElementById(id); return d ? d.textContent : ''; })
		.join(' '));
}

// check NAME: the case page's state (状态, at the top) reads want.
async function evalState(who, name, want) {
	const p = who.page;
	const got = (await p.locator('main dl.meta-list').first()
		.locator('div', { has: p.locator('dt', { hasText: /^状态$/ }) })
		.locator('dd strong').innerText()).trim();
	if (got === want) ok(`${who.tag} ${name}: 状态 ${want}`);
	else fail(`${who.tag} ${name}: 状态 ${want}`, `状态 reads "${got}"`);
}

// Follows the link in the table row that has text.
async function followIn(who, text, what) {
	const p = who.page;
	await Promise.all([
		p.waitForNavigation(),
		p.locator('main tr', { hasText: text }).first().getByRole('link').first().click(),
	]);
	await who.visit(what);
}

// The writer tracks the letter, reads the reply and follows 去评价.
async function evalTracks(who, letter, n) {
	await track(who, letter, `evaluate-track-${n}`);
	await step(who, 'the replied letter tracked', async () => {
		await who.sees(`letter ${n}: the tracked letter shows the reply`, E_REPLY);
		await who.follow('去评价', `evaluate-case-${n}`);
		await who.sees(`letter ${n}: 去评价 leads to the rating page`, '评价办理结果');
		const path = new URL(who.page.url()).pathname;
		if (path.startsWith(`/evaluate/case/${letter.no}/`)) ok(`${who.tag} letter ${n}: … of the letter, ${letter.no}, by its signed link`);
		else throw new Error(`the link leads to ${path}`);
	});
}

// 非常不满意 with a comment and no reason: refused beside the reason, what
// was chosen and typed kept; with the reason, thanks and the promise of a
// call back.
async function evalRatesBadly(who, letter) {
	const p = who.page;
	await evalTracks(who, letter, 1);
	await step(who, 'the 差评', async () => {
		for (const g of ['总体满意度', '办事效率', '办事便利度'])
			await p.getByRole('group', { name: new RegExp('^' + g) }).getByLabel('非常不满意').check();
		await p.getByLabel(/^意见和建议/).fill(E_COMMENT);
		await who.press('提交评价', 'evaluate-refused');
		const reason = p.getByLabel(/^不满意的原因/);
		const d = await described(reason);
		if (d.includes('请选择不满意的原因'))
			ok(`${who.tag} without a reason the rating comes back, the error beside the reason (aria-describedby)`);
		else
			throw new Error(`the reason's description is "${d.trim()}"`);
		await who.sees('… and in the summary at the top', '请选择不满意的原因');
		const kept = await p.getByLabel(/^意见和建议/).inputValue();
		if (kept === E_COMMENT) ok(`${who.tag} … the comment kept`);
		else fail(`${who.tag} … the comment kept`, `the box holds "${kept}"`);
		const levels = [];
		for (const g of ['总体满意度', '办事效率', '办事便利度'])
			levels.push(await p.getByRole('group', { name: new RegExp('^' + g) }).getByLabel('非常不满意').isChecked());
		if (levels.every((x) => x)) ok(`${who.tag} … and the levels chosen`);
		else fail(`${who.tag} … and the levels chosen`, JSON.stringify(levels));
		await reason.selectOption({ label: E_REASON });
		await who.press('提交评价', 'evaluate-rated-bad');
		await who.sees('with the reason: thanks', '感谢您的评价！');
		await who.sees('… and the department will call back', '与您联系回访');
	});
}

// The second letter rated with the keyboard alone: from the skip link,
// Tab to each question's levels (an arrow from the first, 非常满意, wraps
// round to 非常不满意), the reason (arrows), the comment (typed), then to
// 提交评价, and Enter.
async function evalKeyboardRates(who, letter) {
	const p = who.page;
	const kb = p.keyboard;
	await track(who, letter, 'evaluate-track-2');
	await step(who, 'the rating form by keyboard', async () => {
		await who.sees('letter 2: the tracked letter shows the reply', E_REPLY);
		const href = await p.getByRole('link', { name: '去评价' }).first().getAttribute('href');
		const focused = await tabThrough(who, new URL(href, BASE).pathname, 'evaluate-keyboard',
		    ['f-level-5', 'f-efficiency-5', 'f-convenience-5', 'f-reason', 'f-comment'], async (id) => {
			switch (id) {
			case 'f-level-5': case 'f-efficiency-5': case 'f-convenience-5':
				await kb.press('ArrowUp'); break;
			case 'f-reason':
				for (let i = 0; i < 2; i++) await kb.press('ArrowDown'); break;
			case 'f-comment': await kb.type('站台问题反映多次，答复敷衍。'); break;
			}
		});
		const v = await p.evaluate(() => {
			const r = (n) => (document.querySelector(`input[name="${n}"]:checked`) || {}).value;
			const s = document.getElementById('f-reason');
			return [r('level'), r('efficiency'), r('convenience'), s.options[s.selectedIndex].text];
		});
		if (v.slice(0, 3).join(' ') === '1 1 1' && v[3] !== '' && !/请选择/.test(v[3]))
			ok(`${who.tag} keyboard: an arrow chooses 非常不满意 in each question, arrows the reason (${v[3]})`);
		else
			throw new Error(`chosen: ${JSON.stringify(v)}`);
		await kb.press('Tab');
		const f = await focused();
		if (f.text === '提交评价' && f.visible) ok(`${who.tag} keyboard: after the fields, 提交评价, its focus visible`);
		else throw new Error(`after the fields the focus is on ${JSON.stringify(f)}`);
		await Promise.all([p.waitForNavigation(), kb.press('Enter')]);
		await who.visit('evaluate-keyboard-rated');
		await who.sees('keyboard: Enter on 提交评价 sends the rating', '感谢您的评价！');
	});
}

// The case of the letter at the desk: its row has the light's word and the
// state; opened, the rating and the rater's phone.  Returns the case's
// path.
async function evalDeskCase(who, letter, n) {
	const p = who.page;
	await who.go('/evaluate/desk', `evaluate-desk-${n}`);
	await who.sees(`case ${n}: the desk lists the letter's 差评`, letter.no);
	const row = p.locator('main tr', { hasText: letter.no }).first();
	const light = row.locator('.light');
	const word = (await light.innerText()).trim();
	if (await light.count() === 1 && ['正常', '即将超时', '已超时'].includes(word))
		ok(`${who.tag} case ${n}: … with its light and its word (${word})`);
	else
		fail(`${who.tag} case ${n}: … with its light and its word`, `the light reads "${word}"`);
	const text = await row.innerText();
	if (text.includes('非常不满意') && text.includes('待回访')) ok(`${who.tag} case ${n}: … rated 非常不满意, 待回访`);
	else fail(`${who.tag} case ${n}: … rated 非常不满意, 待回访`, text.replace(/\s+/g, ' '));
	await followIn(who, letter.no, `evaluate-desk-case-${n}`);
	await who.sees(`case ${n}: the case shows the letter`, letter.no);
	await evalState(who, `case ${n}: opened`, '待回访');
	await who.sees(`case ${n}: … the level`, '非常不满意');
	await who.sees(`case ${n}: … the rater's phone, to call back`, E_PHONE);
	return new URL(p.url()).pathname;
}

// The clerk: return visit, then rectification, and the case is closed.
async function evalRectifies(who, letter, mark) {
	const p = who.page;
	await step(who, 'the return visit', async () => {
		await evalDeskCase(who, letter, 1);
		await who.sees('case 1: … the reason', E_REASON);
		await who.sees('case 1: … the comment', E_COMMENT);
		await p.getByLabel(/^回访情况/).fill(`电话回访评价人，站台顶棚确未修复，已督促公交公司。${mark}`);
		await who.press('登记回访', 'evaluate-visited');
		await evalState(who, 'case 1: after the return visit', '整改中');
		await who.sees('… the visit in the history', `已督促公交公司。${mark}`);
	});
	await step(who, 'the rectification', async () => {
		await p.getByLabel(/^整改措施/).fill('公交公司更换了站台顶棚，交通局现场验收。');
		await p.getByLabel(/^公开摘要/).fill(`城南公交站台顶棚已更换并验收${mark}。`);
		await who.press('整改完成', 'evaluate-rectified');
		await evalState(who, 'case 1: rectified', '已整改');
		await who.sees('… closed', '本件已整改办结。');
		await who.sees('… its public summary shown', `城南公交站台顶棚已更换并验收${mark}。`);
	});
}

// The public results: the summary, nothing of the rater.
async function evalResults(who, mark) {
	await step(who, 'the public results', async () => {
		await who.go('/evaluate/results', 'evaluate-results');
		await who.sees('the results publish the rectification\'s summary', `城南公交站台顶棚已更换并验收${mark}。`);
		const text = await who.page.locator('main').innerText();
		const leaks = [E_PHONE, E_COMMENT, '赵德明'].filter((x) => text.includes(x));
		if (leaks.length === 0) ok(`${who.tag} … and neither the rater's phone, name nor comment`);
		else fail(`${who.tag} … and neither the rater's phone, name nor comment`, `shown: ${leaks.join(' ')}`);
	});
}

// The clerk appeals the second 差评, the office upholds it, the case is
// excluded.
async function evalAppeal(clerk, office, letter, mark) {
	const p = clerk.page;
	const o = office.page;
	let path;
	const why = `评价人来电承认误评，站台已于评价前修复${mark}。`;
	const note = `核实属误评，不计入统计${mark}。`;
	await step(clerk, 'the appeal', async () => {
		path = await evalDeskCase(clerk, letter, 2);
		await p.getByLabel(/^申诉理由/).fill(why);
		await clerk.press('提交申诉', 'evaluate-appealed');
		await evalState(clerk, 'case 2: appealed', '申诉待审核');
	});
	await signIn(office, OFFICE_EVAL, '评议办');
	await step(office, 'the office decides', async () => {
		await office.go('/evaluate/office/appeals', 'evaluate-appeals');
		await office.sees('the office\'s appeals list the case', letter.no);
		const row = await o.locator('main tr', { hasText: letter.no }).first().innerText();
		if (row.includes(why)) ok(`${office.tag} … with the department's reason`);
		else fail(`${office.tag} … with the department's reason`, row.replace(/\s+/g, ' '));
		await followIn(office, letter.no, 'evaluate-appeal-case');
		await office.sees('the case, with the form to decide', '审核申诉');
		await o.getByLabel('申诉成立，评价不计入统计').check();
		await o.getByLabel(/^审核意见/).fill(note);
		await office.press('提交审核意见', 'evaluate-appeal-decided');
		const text = await o.locator('main').innerText();
		if (new URL(o.url()).pathname !== '/evaluate/office/appeals')
			fail(`${office.tag} upheld, the office is back at the appeals`, `at ${o.url()}`);
		if (!text.includes(letter.no)) ok(`${office.tag} upheld, the appeal is no longer waiting`);
		else fail(`${office.tag} upheld, the appeal is no longer waiting`, 'the letter is still listed');
	});
	await step(clerk, 'the case excluded', async () => {
		await clerk.go(path, 'evaluate-excluded');
		await evalState(clerk, 'case 2: upheld, the case shows it excluded', '申诉成立，评价不计入');
		await clerk.sees('… with the office\'s reason', note);
	});
}

async function evaluateFlows(js, w, h, run) {
	const letters = EVAL_LETTERS.slice(2 * run, 2 * run + 2).map((no) => ({ no, code: 'DEMQ234567' }));
	const rater = await new Person(browser, 'rater', js, w, h).open();
	const clerk = await new Person(browser, 'eval-clerk', js, w, h).open();
	const office = await new Person(browser, 'eval-office', js, w, h).open();
	const mark = E_MARK[rater.tag];
	try {
		await step(rater, 'the letters to rate', async () => {
			if (letters.length !== 2 || !letters.every((l) => /^MB\d{8}-\d{4,6}$/.test(l.no)))
				throw new Error(`CIVIC_EVAL_LETTERS has no two letters for browser ${run + 1}`);
		});
		await evalRatesBadly(rater, letters[0]);
		await evalKeyboardRates(rater, letters[1]);
		await signIn(clerk, CLERK_EVAL, '交通窗口');
		await evalRectifies(clerk, letters[0], mark);
		await evalResults(rater, mark);
		await evalAppeal(clerk, office, letters[1], mark);
	} catch (e) {
		/* counted by step() */
	}
	await rater.close();
	await clerk.close();
	await office.close();
}

// ---------------------------------------------------------------- pre-review

// The pre-review (doc/prereview.md), on the item browser.sh put in
// (户外广告设施设置审批, 510124000000-XK-0801), reviewed in parallel by the
// 城管局 (its own department) and the 自然资源局: the citizen finds it by
// a search for 广告, opens its page, follows 在线预审申请, fills the form
// (a resident ID number with its GB 11643 check digit, the item's two
// fields) with a PDF and a PNG attached and sends it: the receipt shows
// the serial and the query code.  The supervisor's board then lists both
// reviews, each light with its word.  Each department's clerk signs in,
// finds the application at the desk, claims it and marks the same
// material 需补正 with a note of their own: the progress page shows ONE
// notice with both notes, and a slot for that material only; the citizen
// replaces it and resubmits; both clerks pass it; the citizen sees the
// passed notice; the 城管局 completes it; the citizen sees the pick-up
// notice; the board no longer lists it, its lights still with their words.
const PR_ITEM = '户外广告设施设置审批';
const PR_CODE = '510124000000-XK-0801';
const PR_M1 = '户外广告设置申请表';
const PR_M2 = '设置地点平面示意图';
const PR_WINDOW = '县政务服务中心5号窗口';
const PR_LICENCE = '户外广告设施设置许可证';
const PR_LIGHTS = ['正常', '即将超时', '已超时', '等待补正（暂停计时）'];

// A resident ID number (GB 11643): 17 digits and their check character.
function residentId(body17) {
	const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
	let s = 0;
	for (let i = 0; i < 17; i++) s += Number(body17[i]) * w[i];
	return body17 + '10X98765432'[s % 11];
}
const PR_ID = residentId('51012419850612431');

// A small real PDF (one empty page, its cross-reference table right).
function smallPdf(text) {
	const objs = ['<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Info (${text}) >>`];
	let out = '%PDF-1.4\n';
	const offs = [];
	objs.forEach((o, i) => { offs.push(out.length); out += `${i + 1} 0 obj\n${o}\nendobj\n`; });
	const x = out.length;
	out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n` +
		offs.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
		`trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${x}\n%%EOF\n`;
	return Buffer.from(out, 'latin1');
}

// The state of the progress page or the review page (办理状态 / 状态).
async function prSelectOption(loc, label) {
	await loc.selectOption({ label });
}

// The citizen: search, item page, form, receipt, progress page.
async function prApplies(who) {
	const p = who.page;
	const app = {};
	await step(who, 'the guide and the search', async () => {
		await who.go('/prereview/', 'prereview-home');
		await who.sees('the guide\'s home page', '办事指南');
		await p.getByLabel(/^搜索事项/).fill('广告');
		await who.press('查找', 'prereview-search');
		await who.sees('a search for 广告 finds the item', PR_ITEM);
		await who.follow(PR_ITEM, 'prereview-item');
		await who.sees('the item page shows its code', PR_CODE);
		await who.sees('… and its second reviewing department (并联审批)', '县自然资源局');
		await who.follow('在线预审申请', 'prereview-apply');
		await who.sees('在线预审申请 opens the form', `网上预审申请：${PR_ITEM}`);
	});
	await step(who, 'the application', async () => {
		await p.getByLabel(/^申请人类型/).selectOption({ label: '个人' });
		await p.getByLabel(/^申请人名称/).fill('陈晓峰');
		await p.getByLabel(/^居民身份证号码/).fill(PR_ID);
		await p.getByLabel(/^手机号码/).fill('13700006666');
		await p.getByLabel(/^设置地点\s*（/).fill('幸福路12号临街外墙');
		await p.getByLabel(/^广告面积/).fill('8');
		await p.getByLabel(new RegExp('^' + PR_M1)).setInputFiles({ name: '申请表.pdf',
			mimeType: 'application/pdf', buffer: smallPdf('round 1') });
		await p.getByLabel(new RegExp('^' + PR_M2)).setInputFiles({ name: '示意图.png',
			mimeType: 'image/png', buffer: PNG });
		await p.getByLabel(/^我承诺所填信息和所交材料真实有效/).check();
		await who.press('提交预审申请', 'prereview-sent');
		await who.sees('the receipt', '预审申请已提交');
		const text = await p.locator('main').innerText();
		const serial = text.match(/YS\d{8}-\d{4,6}/);
		const code = (await p.locator('main strong.code').first().innerText()).trim();
		if (serial && /^[2-9A-HJKMNP-Z]{10}$/.test(code)) ok(`${who.tag} the receipt shows the serial and the query code`);
		else throw new Error(`no serial or query code in: ${text.slice(0, 300)}`);
		app.serial = serial[0];
		app.code = code;
		await who.follow('查看办理进度', 'prereview-case-review');
		await who.sees('the progress page shows the serial', app.serial);
		await who.sees('… 预审中', '预审中');
		const t = await p.locator('main').innerText();
		if (!t.includes(PR_ID) && !t.includes('13700006666')) ok(`${who.tag} … and neither the ID number nor the phone`);
		else fail(`${who.tag} … and neither the ID number nor the phone`, 'shown');
	});
	return app;
}

// The board: the application's rows (one a department), each light with
// its word; the header's lights with theirs.  want: the word the rows
// have, or null when the application must not be listed.
async function prBoard(who, app, want, what) {
	const p = who.page;
	await step(who, `the board (${what})`, async () => {
		await who.go('/prereview/board', `prereview-board-${what}`);
		await who.sees(`the board (${what})`, '预审督办看板');
		const heads = await p.locator('main thead .light').allInnerTexts();
		if (PR_LIGHTS.every((w) => heads.map((x) => x.trim()).includes(w)))
			ok(`${who.tag} the board's counts: each light with its word`);
		else
			fail(`${who.tag} the board's counts: each light with its word`, JSON.stringify(heads));
		const rows = p.locator('main tbody tr', { hasText: app.serial });
		const n = await rows.count();
		if (want === null) {
			if (n === 0) ok(`${who.tag} the board no longer lists ${app.serial}`);
			else fail(`${who.tag} the board no longer lists ${app.serial}`, `${n} rows`);
			return;
		}
		const words = [];
		for (let i = 0; i < n; i++) words.push((await rows.nth(i).locator('.light').innerText()).trim());
		const depts = (await rows.allInnerTexts()).join(' ');
		if (n === 2 && words.every((w) => w === want) && depts.includes('县城市管理局') && depts.includes('县自然资源局'))
			ok(`${who.tag} the board lists both departments' reviews, each light with its word (${want})`);
		else
			fail(`${who.tag} the board lists both departments' reviews, each light with its word (${want})`,
				`${n} rows: ${words.join(', ')}`);
	});
}

// A clerk: the desk lists the application; opened, claimed (the first
// time); verdicts and the department's decision.  Returns the review
// page's path.
async function prReviews(who, app, verdicts, decision, what) {
	const p = who.page;
	await step(who, `the review (${what})`, async () => {
		await who.go('/prereview/desk', `prereview-desk-${what}`);
		await who.sees(`${what}: the desk lists the application`, app.serial);
		await Promise.all([p.waitForNavigation(),
			p.getByRole('link', { name: app.serial, exact: true }).first().click()]);
		await who.visit(`prereview-review-${what}`);
		await who.sees(`${what}: the review page shows the application`, app.serial);
		await who.sees(`${what}: … the applicant's ID number, for staff`, PR_ID);
		if (await p.getByRole('button', { name: '受理本部门审核', exact: true }).count() > 0) {
			await who.press('受理本部门审核', `prereview-claimed-${what}`);
			await who.sees(`${what}: claimed`, '已受理，请逐项审核材料。');
		}
		for (const [m, v, note] of verdicts) {
			await p.getByLabel(`审核意见：${m}`).selectOption({ label: v });
			if (note) await p.getByLabel(`补正说明：${m}`).fill(note);
		}
		await p.getByLabel(/^本部门结论/).selectOption({ label: decision });
		await who.press('提交审核意见', `prereview-decided-${what}`);
		await who.sees(`${what}: the decision is taken`, '审核意见已提交。');
	});
}

async function prCase(who, app, what) {
	await who.go(`/prereview/case/${app.serial}`, `prereview-case-${what}`);
}

async function prereviewFlows(js, w, h) {
	const citizen = await new Person(browser, 'applicant', js, w, h).open();
	const cg = await new Person(browser, 'pr-clerk1', js, w, h).open();
	const zy = await new Person(browser, 'pr-clerk2', js, w, h).open();
	const sup = await new Person(browser, 'pr-supervisor', js, w, h).open();
	const tag = citizen.tag;
	const noteA = `申请表未加盖单位公章，请盖章后重新上传（城管${tag}）。`;
	const noteB = `申请表中设置地点与示意图不一致，请核对（资源${tag}）。`;
	try {
		const app = await prApplies(citizen);
		await signIn(sup, SUPERVISOR, '督查室');
		await prBoard(sup, app, '正常', 'submitted');
		await signIn(cg, PR_CLERK, '城管窗口');
		await signIn(zy, PR_CLERK2, '资源窗口');
		await prReviews(cg, app, [[PR_M1, '需补正', noteA], [PR_M2, '合格']], '需补正', 'cg-1');
		await prReviews(zy, app, [[PR_M1, '需补正', noteB], [PR_M2, '合格']], '需补正', 'zy-1');
		await step(citizen, 'the correction notice', async () => {
			const p = citizen.page;
			await prCase(citizen, app, 'correction');
			await citizen.sees('after both departments: 待补正', '待补正');
			// The notice joins the notes with "；", each without its own full stop.
			const inA = noteA.replace(/。$/, ''), inB = noteB.replace(/。$/, '');
			const notices = p.locator('main .notice', { hasText: inA });
			const n = await notices.count();
			const both = n === 1 ? await notices.first().innerText() : '';
			if (n === 1 && both.includes(inB) && !both.includes('。；')) ok(`${tag} ONE notice holds both departments' notes (一次性告知)`);
			else throw new Error(`${n} notices with the first note; the second ${both.includes(inB) ? 'in it' : 'not in it'}: ${both}`);
			const heads = await p.locator('main h2').allInnerTexts();
			if (!heads.some((x) => x.includes('服务评价'))) ok(`${tag} … no 服务评价 heading before the application is decided`);
			else fail(`${tag} … no 服务评价 heading before the application is decided`, heads.join(' | '));
			if (await p.locator('main .table-wrap[role="region"] table.data-table').count() === 1)
				ok(`${tag} … the departments' reviews in the portal's data table, a region that scrolls`);
			else fail(`${tag} … the departments' reviews in the portal's data table, a region that scrolls`);
			const slots = await p.locator('main input[type="file"]').count();
			if (slots === 1) ok(`${tag} … and one file to replace, the material marked`);
			else fail(`${tag} … and one file to replace, the material marked`, `${slots} file inputs`);
			await p.getByLabel(new RegExp('^' + PR_M1)).setInputFiles({ name: '申请表（盖章）.pdf',
				mimeType: 'application/pdf', buffer: smallPdf('round 2') });
			await citizen.press('替换材料并重新提交', 'prereview-resubmitted');
			await citizen.sees('resubmitted', '补正材料已提交，预审重新计时。');
		});
		await prBoard(sup, app, '正常', 'resubmitted');
		await prReviews(cg, app, [[PR_M1, '合格'], [PR_M2, '合格']], '通过', 'cg-2');
		await prReviews(zy, app, [[PR_M1, '合格'], [PR_M2, '合格']], '通过', 'zy-2');
		await step(citizen, 'the passed notice', async () => {
			await prCase(citizen, app, 'passed');
			await citizen.sees('both passed: the passed notice names the window',
				`预审已通过。请带齐以下材料原件到${PR_WINDOW}办理：`);
			await citizen.sees('… and the original to bring', PR_M1);
		});
		await step(cg, 'the completion', async () => {
			await cg.go('/prereview/desk', 'prereview-desk-complete');
			await cg.sees('the desk lists it to complete', app.serial);
			await Promise.all([cg.page.waitForNavigation(),
				cg.page.getByRole('link', { name: app.serial, exact: true }).first().click()]);
			await cg.visit('prereview-review-complete');
			await cg.press('办结并通知领取', 'prereview-completed');
			await cg.sees('completed', '已办结，领取通知已发送。');
		});
		await step(citizen, 'the pick-up notice', async () => {
			await prCase(citizen, app, 'completed');
			await citizen.sees('the pick-up notice',
				`您的${PR_LICENCE}已办理完毕，请带齐证件到${PR_WINDOW}领取。`);
			await citizen.sees('… and the link to rate it', '去评价');
		});
		await prBoard(sup, app, null, 'completed');
	} catch (e) {
		/* counted by step() */
	}
	for (const x of [citizen, cg, zy, sup]) await x.close();
}

// ---------------------------------------------------------------- a11y

// The display modes and the rules of issue 10 that are about every page
// rather than one flow (doc/browser-tests.md, "Display modes, zoom, weight,
// no CSS").  The main public pages: the mailbox's home and writing form, the
// consultation's ask form, the pre-review's home and its item's page, the
// evaluation's home.
const A11Y_PAGES = [
	['/mailbox/', 'mailbox-home'],
	['/mailbox/write', 'mailbox-write'],
	['/consult/ask', 'consult-ask'],
	['/prereview/', 'prereview-home'],
	[`/prereview/item/${PR_CODE}`, 'prereview-item'],
	['/evaluate/', 'evaluate-home'],
];
// Each public page with its CSS (and script, if any): at most this many
// bytes transferred (issue 10), counted as the suite's nginx sends them,
// without gzip (a county's nginx with gzip on sends less).
const A11Y_MAX_BYTES = 60 * 1024;

// The classes the mode put on <html>, sorted ("" for none).
async function a11yClasses(page) {
	return page.evaluate(() => [...document.documentElement.classList]
		.filter((c) => c.startsWith('a11y-')).sort().join(' '));
}

async function a11yMode(who, name, want) {
	const got = await a11yClasses(who.page);
	if (got === want) ok(`${who.tag} ${name}: <html> class "${want}"`);
	else throw new Error(`${name}: <html> has "${got}", expected "${want}" at ${who.page.url()}`);
}

// In the page: what 200 % zoom must not do.  Horizontal scrolling of the
// page; text cut off by a box that hides its overflow; text pushed out of
// the window sideways.  And the main form (the one with most fields): each
// field a person can reach, and its submit button, brought into view lies
// within the window's width and is the element found at its centre (not
// covered).  Visually hidden things (the skip link, the honeypot) are left
// out: they are meant to be out of sight.
function a11yLayoutProbe() {
	const hidden = (el) => el.closest('.visually-hidden, .skip-link, [aria-hidden="true"], [hidden]') ||
		getComputedStyle(el).visibility === 'hidden' || el.getClientRects().length === 0;
	const name = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
		(el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
	const se = document.scrollingElement;
	const out = { scrollWidth: se.scrollWidth, clientWidth: se.clientWidth, clipped: [], outside: [],
		scrolled: new Set(), fields: 0, badFields: [], submit: false };
	for (const el of document.body.querySelectorAll('*')) {
		if (['SCRIPT', 'STYLE', 'svg'].includes(el.tagName) || hidden(el)) continue;
		const cs = getComputedStyle(el);
		const text = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== '');
		if ((['hidden', 'clip'].includes(cs.overflowX) || cs.textOverflow === 'ellipsis') &&
		    (el.innerText || '').trim() !== '' && el.scrollWidth > el.clientWidth + 1)
			out.clipped.push(`${name(el)} (${el.scrollWidth} > ${el.clientWidth})`);
		if (text) {
			const r = el.getBoundingClientRect();
			// A wide data table may scroll in a box of its own (WCAG 1.4.10
			// allows it for tables): its text is reachable, not lost.
			let box = el.parentElement;
			while (box && box !== document.body && !['auto', 'scroll'].includes(getComputedStyle(box).overflowX))
				box = box.parentElement;
			if (r.width > 0 && (r.left < -1 || r.right > se.clientWidth + 1)) {
				if (box && box !== document.body) out.scrolled.add(name(box));
				else out.outside.push(`${name(el)} (${Math.round(r.left)}..${Math.round(r.right)})`);
			}
		}
	}
	let form = null, most = -1;
	for (const f of document.querySelectorAll('main form')) {
		const n = f.querySelectorAll('input:not([type="hidden"]), select, textarea').length;
		if (n > most) { form = f; most = n; }
	}
	if (form) {
		const submit = form.querySelector('button[type="submit"], button:not([type]), input[type="submit"]');
		const items = [...form.querySelectorAll('input:not([type="hidden"]), select, textarea')]
			.filter((el) => !hidden(el) && el.tabIndex >= 0);
		if (submit) items.push(submit);
		for (const el of items) {
			el.scrollIntoView({ block: 'center', inline: 'nearest' });
			const r = el.getBoundingClientRect();
			const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
			const found = hit && (hit === el || el.contains(hit) ||
				[...(el.labels || [])].some((l) => l.contains(hit)));
			if (r.width <= 0 || r.left < -1 || r.right > se.clientWidth + 1 || !found)
				out.badFields.push(`${name(el)} (${Math.round(r.left)}..${Math.round(r.right)}` +
					`${found ? '' : ', covered by ' + (hit ? name(hit) : 'nothing')})`);
			else if (el === submit) out.submit = true;
			else out.fields++;
		}
		window.scrollTo(0, 0);
	}
	out.form = !!form;
	out.scrolled = [...out.scrolled];
	return out;
}

// (a) Text resized to 200 %: 1280x900 at 200 % is a window of 640x450 CSS
// pixels with two device pixels to one, what Chromium's own zoom does (CSS
// zoom on the body is not the same: media queries and the viewport do not
// change).  Each main page, in the ordinary look and in large text.
async function a11yZoom() {
	const ctx = await browser.newContext({ viewport: { width: 640, height: 450 }, deviceScaleFactor: 2,
		locale: 'zh-CN' });
	const page = await ctx.newPage();
	page.setDefaultTimeout(15000);
	try {
		for (const mode of ['', 'large']) {
			for (const [path, what] of A11Y_PAGES) {
				const name = `zoom-200 ${what}${mode ? ' (大字版)' : ''}`;
				try {
					const url = BASE + path + (mode ? (path.includes('?') ? '&' : '?') + 'a11y=' + mode : '');
					const r = await page.goto(url);
					if (!r || r.status() !== 200) throw new Error(`GET ${path}: status ${r && r.status()}`);
					await page.screenshot({ path: join(SHOTS, `zoom200-${mode || 'plain'}-${what}.png`), fullPage: true });
					const o = await page.evaluate(a11yLayoutProbe);
					if (o.scrollWidth <= o.clientWidth + 1) ok(`${name}: no horizontal scrolling (${o.scrollWidth} <= ${o.clientWidth})`);
					else fail(`${name}: no horizontal scrolling`, `scrollWidth ${o.scrollWidth} > clientWidth ${o.clientWidth}`);
					if (o.scrolled.length > 0) say(`# ${name}: a wide table scrolls in its own box: ${o.scrolled.join(' ')}`);
					if (o.clipped.length === 0 && o.outside.length === 0) ok(`${name}: no text clipped or out of the window`);
					else fail(`${name}: no text clipped or out of the window`, [...o.clipped, ...o.outside].slice(0, 4).join(', '));
					if (!o.form) {
						say(`# ${name}: no form on the page`);
					} else if (o.badFields.length === 0 && o.submit && o.fields > 0) {
						ok(`${name}: the form's ${o.fields} fields and its submit button are in view and reachable`);
					} else {
						fail(`${name}: the form's fields and submit button are in view and reachable`,
							`${o.fields} fine, submit ${o.submit ? 'fine' : 'not'}; ${o.badFields.slice(0, 4).join(', ')}`);
					}
				} catch (e) {
					fail(name, e.message);
				}
			}
		}
	} finally {
		await ctx.close();
	}
}

// (c) Page weight: the main pages visited by a person of their own, so that
// they are weighed (visit()) and tabled with every other page the flows
// visit, whichever flows run; printed and checked at the end (weightReport).
async function a11yWeight(js, w, h) {
	const weigher = await new Person(browser, 'weigher', js, w, h).open();
	try {
		for (const [path, what] of A11Y_PAGES)
			await step(weigher, `weight ${what}`, () => weigher.go(path, `weight-${what}`)).catch(() => {});
	} finally {
		await weigher.close();
	}
}

// Every view visited, public and staff, with its heaviest visit's bytes by
// kind; each public one at most A11Y_MAX_BYTES (staff pages are not bound
// by the rule, issue 10 says "public page": printed all the same); the
// largest public view named; no request to an address other than the
// site's (loopback), and no web font, in any page.
function weightReport() {
	const rows = [...weights.values()].sort((a, b) => (a.staff - b.staff) || (b.total - a.total));
	const pub = rows.filter((r) => !r.staff);
	say(`# weight: ${rows.length} views (${pub.length} public) of ${weighed} page visits, ` +
		`bytes as transferred (headers and body, not gzipped), the heaviest visit of each view`);
	say('# weight |   total | document |    css | script |  other | view | page');
	for (const r of rows) {
		const o = r.total - (r.by.document || 0) - (r.by.stylesheet || 0) - (r.by.script || 0);
		say(`# weight | ${String(r.total).padStart(7)} | ${String(r.by.document || 0).padStart(8)} | ` +
			`${String(r.by.stylesheet || 0).padStart(6)} | ${String(r.by.script || 0).padStart(6)} | ` +
			`${String(o).padStart(6)} | ${r.staff ? 'staff ' : ''}${r.view} | ${r.at}`);
	}
	// Only the staff's keyboard flow visits no public page.
	const publicFlows = FLOWS.some((f) => f !== 'staffkeys');
	if (pub.length === 0 && !publicFlows) {
		say('# weight: no public page in the flows run (only staffkeys)');
	} else if (pub.length === 0) {
		fail('weight: the public pages visited were weighed', 'none');
	} else {
		const over = pub.filter((r) => r.total > A11Y_MAX_BYTES);
		const top = pub[0];
		if (over.length === 0)
			ok(`weight: each of the ${pub.length} public views <= ${A11Y_MAX_BYTES} bytes; the largest ` +
				`${top.view} (${top.at}), ${top.total} bytes`);
		else
			fail(`weight: each public view <= ${A11Y_MAX_BYTES} bytes`,
				over.map((r) => `${r.view} ${r.total} (${r.at})`).join(', '));
	}
	const fonts = [...BYTES.entries()].filter(([, b]) => b.type === 'font').map(([u]) => u);
	if (foreign.length === 0 && fonts.length === 0)
		ok(`weight: every request of the ${weighed} page visits to ${[...ORIGINS].join(' or ')} (loopback), no web font`);
	else
		fail('weight: every request to the site itself (loopback), no web font',
			`${foreign.length} elsewhere: ${foreign.slice(0, 3).join(' ')}; fonts: ${fonts.slice(0, 3).join(' ')}`);
}

// (d) The CSS not loaded (aborted): semantic HTML still carries the page.
// Each public view once, in the state the flow first showed it (its
// document as it was on screen, served at its address again, so that a
// refused form or a page reached by a POST is checked too), in a browser
// of its own with JavaScript off and every request for a .css aborted:
// the heading, the site's navigation as a list of links, every field of
// the content's forms with its label, and every button shown with its
// text.  Checked one after another while the flows go on; their lines are
// printed at the end.
const noCss = { buf: [], chain: Promise.resolve(), replay: null };
kept.add(noCss.buf);

function noCssQueue(view, url, html) {
	const u = new URL(url);
	u.hash = '';
	noCssViews.set(view, true);
	noCss.chain = noCss.chain.then(() => lines.run(noCss.buf, () => noCssCheck(view, u.href, html)));
}

async function noCssCheck(view, url, html) {
	const name = `no-css ${view}`;
	try {
		if (!noCss.replay)
			noCss.replay = await replayBrowser(browser, false, { width: 1280, height: 900 },
				(rq) => rq.resourceType() === 'stylesheet' || /\.css$/.test(new URL(rq.url()).pathname));
		const page = noCss.replay.page;
		const before = noCss.replay.refused;
		await noCss.replay.show({ url, html });
		// The window only: an unstyled page runs long (the catalogue's tree),
		// and the picture is an artefact, not a check.
		await page.screenshot({ path: join(SHOTS, `nocss-${view.replace(/[^0-9A-Za-z._-]+/g, '_')}.png`) })
			.catch((e) => say(`# ${name}: no screenshot (${e.message.split('\n')[0]})`));
		const o = await page.evaluate(() => {
			const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
			const nav = document.querySelector('header nav, nav.portal-nav');
			const fields = [...document.querySelectorAll('main form input:not([type="hidden"]), main form select, main form textarea')];
			const unlabelled = fields.filter((el) => !(el.labels && [...el.labels].some((l) => l.textContent.trim() !== '')) &&
				!el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'));
			const buttons = [...document.querySelectorAll('main button, main input[type="submit"]')];
			const text = (b) => (b.textContent || b.value || b.getAttribute('aria-label') || '').trim();
			const h1 = document.querySelector('main h1');
			return {
				unstyled: getComputedStyle(document.body).marginTop === '8px',
				h1: h1 && shown(h1) ? h1.textContent.trim() : '',
				navItems: nav ? nav.querySelectorAll('ul > li > a[href]').length : 0,
				fields: fields.length, unlabelled: unlabelled.map((el) => el.name || el.id),
				buttons: buttons.filter((b) => shown(b) && text(b) !== '').map(text),
				badButtons: buttons.filter((b) => !shown(b) || text(b) === '').map((b) => b.name || b.id || b.outerHTML.slice(0, 40)),
			};
		});
		const aborted = noCss.replay.refused - before;
		if (aborted > 0 && o.unstyled) ok(`${name}: its stylesheets aborted, the page unstyled`);
		else fail(`${name}: its stylesheets aborted`, `${aborted} aborted, body margin ${o.unstyled ? '8px' : 'styled'}`);
		if (o.h1 !== '') ok(`${name}: the heading "${o.h1.slice(0, 20)}" is shown`);
		else fail(`${name}: the heading is shown`, 'no visible h1 in main');
		if (o.navItems >= 5) ok(`${name}: the navigation is a list of ${o.navItems} links`);
		else fail(`${name}: the navigation is a list of links`, `${o.navItems} list items with links`);
		if (o.fields === 0 && o.buttons.length === 0 && o.badButtons.length === 0)
			say(`# ${name}: no form on the page`);
		else if (o.unlabelled.length === 0 && o.badButtons.length === 0)
			ok(`${name}: ${o.fields} fields with their labels, ${o.buttons.length} buttons shown with their text (${o.buttons.slice(0, 4).join(' ')})`);
		else fail(`${name}: the fields have labels and the buttons are shown with their text`,
			`unlabelled: ${o.unlabelled.join(' ') || 'none'}; buttons without text or hidden: ${o.badButtons.join(' ') || 'none'}`);
	} catch (e) {
		fail(name, e.message);
	}
}

// (f) The county-portal theme (examples/themes/county-portal, issue 11):
// the main public pages served by the same programs with the theme's
// layout.xsl (browser.sh, CIVIC_THEME_BASE), visited as any page is (axe,
// weight, no CSS: their views carry the theme's name); on each, Tab from
// the top to the content, every element reached with a visible focus; and
// the mailbox's home in both themes, side by side as artefacts
// (theme-default-mailbox-home.png, theme-county-portal-mailbox-home.png).
async function a11yTheme(js, w, h) {
	if (!THEME_BASE) {
		fail('county-portal theme: CIVIC_THEME_BASE is set by browser.sh');
		return;
	}
	const plain = await new Person(browser, 'theme-default', js, w, h).open();
	const portal = await new Person(browser, 'theme-portal', js, w, h,
		{ theme: 'county-portal', base: THEME_BASE }).open();
	try {
		await step(plain, 'the mailbox home in the default theme', async () => {
			await plain.go('/mailbox/', 'theme-default-mailbox-home');
			await plain.page.screenshot({ path: join(SHOTS, 'theme-default-mailbox-home.png') });
		});
		for (const [path, what] of A11Y_PAGES) {
			await step(portal, `county-portal ${what}`, async () => {
				await portal.go(path, `portal-${what}`);
				const frame = await portal.page.evaluate(() => [!!document.querySelector('.portal-banner'),
					!!document.querySelector('nav.portal-nav'), document.body.innerText.includes('政府网站标识码')]);
				if (frame.every((x) => x)) ok(`${portal.tag} county-portal ${what}: the theme's banner, navigation and footer`);
				else throw new Error(`not the theme's page (banner, navigation, 政府网站标识码: ${frame})`);
				if (what === 'mailbox-home')
					await portal.page.screenshot({ path: join(SHOTS, 'theme-county-portal-mailbox-home.png') });
				await focusWalk(portal, `county-portal ${what}`);
			}).catch(() => {});
		}
	} finally {
		await plain.close();
		await portal.close();
	}
}

// Tab from the top of the page until the focus is inside <main> (at most
// 60 Tabs): each element reached (the skip link, the theme's links, the
// display switch, the navigation) with its focus visible: an outline, a
// shadow, or colours other than without the focus.
async function focusWalk(who, name) {
	const p = who.page;
	await p.evaluate(() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); });
	const seen = [], bad = [];
	for (let i = 0; i < 60; i++) {
		await p.keyboard.press('Tab');
		const f = await p.evaluate(() => {
			const e = document.activeElement;
			if (!e || e === document.body) return null;
			const look = () => {
				const cs = getComputedStyle(e);
				return { ring: (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none',
					colours: `${cs.color} ${cs.backgroundColor}` };
			};
			const on = look();
			e.blur();
			const off = look();
			e.focus();
			return { text: (e.textContent || e.value || e.name || '').trim().slice(0, 12), inMain: !!e.closest('main'),
				visible: on.ring || on.colours !== off.colours };
		});
		if (!f || f.inMain) break;
		seen.push(f.text);
		if (!f.visible) bad.push(f.text);
	}
	if (seen.length > 0 && bad.length === 0)
		ok(`${who.tag} ${name}: Tab reaches ${seen.length} elements before the content, each with its focus visible (${seen.slice(0, 3).join(', ')} …)`);
	else
		fail(`${who.tag} ${name}: each element Tab reaches shows its focus`,
			seen.length === 0 ? 'Tab reached nothing' : `no visible focus on: ${bad.join(', ')}`);
}

// In high contrast, axe's rule for WCAG AAA contrast (7:1, color-contrast-enhanced).
async function a11yContrastAAA(page, name) {
	try {
		await page.evaluate(AXE);
		const r = await page.evaluate(() => globalThis.axe.run(document,
			{ runOnly: { type: 'rule', values: ['color-contrast-enhanced'] } }));
		const bad = r.violations.flatMap((v) => v.nodes);
		if (bad.length === 0) ok(`${name}: contrast 7:1 or more (axe color-contrast-enhanced)`);
		else fail(`${name}: contrast 7:1 or more (axe color-contrast-enhanced)`,
			`${bad.length} elements: ${bad.slice(0, 3).map((x) => x.target.join(' ')).join(', ')}`);
	} catch (e) {
		fail(`${name}: contrast 7:1`, e.message);
	}
}

// (b) The switch, clicked as a person would (with JavaScript and without):
// 大字版 on, 高对比度 on, the mode kept along a navigation link, a link in
// the content, a search (GET) form and a refused form (POST); 标准字号 and
// 标准配色 turn each off.  axe runs on every page in each mode (visit()).
async function a11ySwitch(who) {
	const p = who.page;
	const style = () => p.evaluate(() => {
		const b = getComputedStyle(document.body);
		const a = document.querySelector('main a[href]') || document.querySelector('a[href]');
		return { size: parseFloat(b.fontSize), color: b.color, bg: b.backgroundColor,
			underline: a ? getComputedStyle(a).textDecorationLine : '' };
	});
	await step(who, 'the display switch', async () => {
		await who.go('/mailbox/', 'a11y-plain');
		await a11yMode(who, 'the ordinary look', '');
		await who.follow('大字版', 'a11y-large');
		await a11yMode(who, '大字版', 'a11y-large');
		const s = await style();
		if (s.size >= 20) ok(`${who.tag} 大字版: body text ${s.size}px (>= 20)`);
		else throw new Error(`大字版: body text ${s.size}px`);
		await who.follow('高对比度', 'a11y-large-contrast');
		await a11yMode(who, '大字版 and 高对比度', 'a11y-contrast a11y-large');
		const c = await style();
		if (c.color === 'rgb(0, 0, 0)' && c.bg === 'rgb(255, 255, 255)' && c.underline.includes('underline'))
			ok(`${who.tag} 高对比度: black on white, links underlined`);
		else throw new Error(`高对比度: text ${c.color} on ${c.bg}, links "${c.underline}"`);
		if (who.js) await a11yContrastAAA(p, `${who.tag} 高对比度 mailbox home`);
	});
	await step(who, 'the mode kept from page to page', async () => {
		await who.follow('在线咨询', 'a11y-nav-consult');
		await a11yMode(who, 'kept by the navigation link 在线咨询', 'a11y-contrast a11y-large');
		await who.follow('我要咨询', 'a11y-consult-ask');
		await a11yMode(who, 'kept by the link 我要咨询 in the content', 'a11y-contrast a11y-large');
		if (who.js) await a11yContrastAAA(p, `${who.tag} 高对比度 consult ask`);
		await who.press('提交咨询', 'a11y-consult-refused');
		await a11yMode(who, 'kept by the refused form (POST)', 'a11y-contrast a11y-large');
		await who.sees('the refused form says what is missing', '请');
		await who.follow('办事指南', 'a11y-nav-prereview');
		await p.getByLabel(/^搜索事项/).fill('广告');
		await who.press('查找', 'a11y-prereview-search');
		await a11yMode(who, 'kept by the search form (GET)', 'a11y-contrast a11y-large');
		await who.sees('the search still finds the item', '户外广告设施设置审批');
	});
	await step(who, 'the switch turned off', async () => {
		await who.follow('标准字号', 'a11y-contrast');
		await a11yMode(who, '标准字号', 'a11y-contrast');
		if (who.js) await a11yContrastAAA(p, `${who.tag} 高对比度 prereview search`);
		await who.follow('标准配色', 'a11y-off');
		await a11yMode(who, '标准配色', '');
		const s = await style();
		if (s.size < 20 && !p.url().includes('a11y=')) ok(`${who.tag} back to the ordinary look (${s.size}px, no a11y= in the address)`);
		else throw new Error(`after 标准配色: ${s.size}px at ${p.url()}`);
	});
}

// (e) The whole site by keyboard alone (issue 10): every public form the
// other flows do not already take through by keyboard (the mailbox's
// writing form, the consultation's ask form and the rating of a case have
// their own checks above), and the staff sign-in, each row one form: from
// the skip link, Tab reaches each of its fields in DOM order, each with a
// visible focus (tabThrough with the submit button's label: kbFormOrder
// tells what Tab must reach); the fields in fill are typed (a string) or
// set by their function; radio buttons and check boxes left out of fill
// get Space (the first level of a rating, 非常满意; a promise ticked).  The
// next Tab reaches the submit button, its focus visible, and Enter sends
// the form; then the page expected: its text, or refused (422) with the
// error beside a field (aria-describedby), or the form's one message, for
// the forms whose data the flow cannot make valid: the consultation's
// track form (the one question there is browser.sh's published answer,
// whose query code is not known: its hash is made up), the rating of a window clerk (it needs the code
// sent by SMS, which the suite cannot read) and the catalogue's new entry
// (saving one needs a date and five lists set to given codes; the title
// typed is checked to be kept).  The data is browser.sh's, in the same
// database whichever flows run: the evaluation's replied letters (query
// code DEMQ234567), the pre-review's item, the 交通局's window clerk, the
// demo catalogue and its 县财政局 clerk, who signs in with the keyboard,
// opens the new entry's form, and signs out with the keyboard.
const KB_APPLICANT = '周桂兰';
const KB_FORMS = [
	{ what: 'mailbox track', path: '/mailbox/track', submit: '查询',
		fill: { 'f-no': EVAL_LETTERS[0] || '', 'f-code': 'DEMQ234567' },
		text: '城南公交站台破损无人修' },
	// Refused with one message for the form, above it, not beside a field:
	// which of the two is wrong is not said (it would tell whether the
	// number exists).
	{ what: 'consult track', path: '/consult/track', submit: '查询',
		fill: { 'f-no': 'ZX20250101-0001', 'f-code': 'ABCDEFGH23' }, refused: true,
		message: '咨询编号或查询码不正确' },
	{ what: 'prereview search', path: '/prereview/', submit: '查找',
		fill: { 'f-q': '广告' }, text: PR_ITEM },
	// The files: a keyboard user reaches the file input by Tab and opens
	// the system's dialog with Space or Enter there, which headless
	// Chromium cannot show; the file is set with setInputFiles on the
	// field the focus is on, and Tab goes on from it.
	{ what: 'prereview apply', path: `/prereview/item/${PR_CODE}/apply`, submit: '提交预审申请',
		fill: {
			'f-applicant_kind': async (w) => {
				for (let i = 0; i < 3 && await w.page.evaluate(() => {
					const e = document.getElementById('f-applicant_kind');
					return e.options[e.selectedIndex].text.trim();
				}) !== '个人'; i++) await w.page.keyboard.press('ArrowDown');
			},
			'f-name': KB_APPLICANT, 'f-id_card': PR_ID, 'f-phone': '13700007777',
			'f-x1': '人民路8号临街外墙', 'f-x2': '6',
			'f-m1': (w) => w.page.locator('#f-m1').setInputFiles({ name: '申请表.pdf',
				mimeType: 'application/pdf', buffer: smallPdf('keyboard') }),
			'f-m2': (w) => w.page.locator('#f-m2').setInputFiles({ name: '示意图.png',
				mimeType: 'image/png', buffer: PNG }),
		},
		text: '预审申请已提交',
		after: async (w, st) => {
			const t = await w.page.locator('main').innerText();
			const serial = t.match(/YS\d{8}-\d{4,6}/);
			st.code = (await w.page.locator('main strong.code').first().innerText()).trim();
			if (!serial || !/^[2-9A-HJKMNP-Z]{10}$/.test(st.code)) throw new Error(`no serial or query code in: ${t.slice(0, 200)}`);
			st.serial = serial[0];
		} },
	{ what: 'prereview track', path: '/prereview/track', submit: '查询',
		fill: { 'f-no': (w, st) => w.page.keyboard.type(st.serial || ''),
			'f-code': (w, st) => w.page.keyboard.type(st.code || '') },
		text: '预审中' },
	{ what: 'evaluate clerk find', path: '/evaluate/clerk', submit: '查找',
		fill: { 'f-no': CLERK_EVAL }, text: '交通运输局' },
	{ what: 'evaluate clerk rating', path: `/evaluate/clerk/${CLERK_EVAL}`, submit: '提交评价',
		fill: { 'f-phone': '13700008888', 'f-code': '000000' }, refused: true },
	{ what: 'catalogue search', path: '/catalogue/', submit: '检索',
		fill: { 'f-q': '扬尘' }, text: '“扬尘”的检索结果' },
	{ what: 'staff sign-in', path: '/account/signin', submit: '登录',
		fill: { 'f-staff_no': CAT_CLERK, 'f-password': PW }, text: '财政窗口' },
	{ what: 'catalogue new entry', path: '/catalogue/staff/new', submit: '保存',
		fill: { 'f-title': '键盘填写的信息标题' }, refused: true,
		after: async (w) => {
			const v = await w.page.locator('#f-title').inputValue();
			if (v === '键盘填写的信息标题') ok(`${w.tag} keyboard catalogue new entry: the title typed is kept`);
			else fail(`${w.tag} keyboard catalogue new entry: the title typed is kept`, `got "${v}"`);
		} },
];

// In the page: the fields marked invalid whose aria-describedby names an
// error shown beside them (class field-error, with text).
function kbErrorsBeside() {
	return [...document.querySelectorAll('main [aria-invalid="true"][aria-describedby]')].filter((e) =>
		e.getAttribute('aria-describedby').split(/\s+/).some((id) => {
			const x = document.getElementById(id);
			return x && x.classList.contains('field-error') && x.textContent.trim() !== '';
		})).map((e) => e.id);
}

async function a11yKeyboard(who) {
	const p = who.page;
	const kb = p.keyboard;
	const st = {};
	for (const row of KB_FORMS) {
		const name = `keyboard ${row.what}`;
		const shot = `kb-${row.what.replace(/\s+/g, '-')}`;
		await step(who, name, async () => {
			const focused = await tabThrough(who, row.path, shot, row.submit, async (key) => {
				const v = row.fill[key];
				if (typeof v === 'string') await kb.type(v);
				else if (typeof v === 'function') await v(who, st);
				else if (await p.evaluate(() => ['radio', 'checkbox'].includes(document.activeElement.type)))
					await kb.press('Space');
			}, row.what);
			await kb.press('Tab');
			const f = await focused();
			if (f.text === row.submit && f.visible) ok(`${who.tag} ${name}: after the fields, ${row.submit}, its focus visible`);
			else throw new Error(`after the fields the focus is on ${JSON.stringify(f)}`);
			const [r] = await Promise.all([p.waitForNavigation(), kb.press('Enter')]);
			await who.visit(`${shot}-sent`);
			const status = r ? r.status() : 0;
			if (row.refused && row.message) {
				const shown = await p.getByText(row.message).first().isVisible();
				if (status === 422 && shown)
					ok(`${who.tag} ${name}: Enter on ${row.submit} sends it, refused (422): ${row.message}`);
				else
					fail(`${who.tag} ${name}: Enter on ${row.submit} sends it, refused: ${row.message}`,
						`status ${status}, the message ${shown ? 'shown' : 'not shown'}`);
			} else if (row.refused) {
				const beside = await p.evaluate(kbErrorsBeside);
				if (status === 422 && beside.length > 0)
					ok(`${who.tag} ${name}: Enter on ${row.submit} sends it, refused (422) with the error beside ${beside.join(' ')}`);
				else
					fail(`${who.tag} ${name}: Enter on ${row.submit} sends it, refused with the error beside a field`,
						`status ${status}, errors beside ${beside.join(' ') || 'no field'}`);
			} else if (status === 200) {
				await who.sees(`${name}: Enter on ${row.submit} sends it (${row.text})`, row.text);
			} else {
				fail(`${who.tag} ${name}: Enter on ${row.submit} sends it`, `status ${status} at ${p.url()}`);
			}
			if (row.after) await row.after(who, st);
		}).catch(() => { /* counted by step(); the next form goes on */ });
	}
	// Signed in above: 退出 in the staff bar, reached by Tab from the top of
	// a staff page and pressed with Enter; the page then asks for a sign-in.
	await step(who, 'keyboard sign-out', async () => {
		await who.go('/catalogue/staff/new', 'kb-staff-page');
		let f = null;
		for (let i = 0; i < 40; i++) {
			await kb.press('Tab');
			f = await p.evaluate(() => {
				const e = document.activeElement;
				const cs = getComputedStyle(e);
				return { text: e.textContent.trim(), visible: (cs.outlineStyle !== 'none' &&
					parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none' };
			});
			if (f.text === '退出') break;
		}
		if (f.text === '退出' && f.visible) ok(`${who.tag} keyboard sign-out: Tab reaches 退出, its focus visible`);
		else throw new Error(`Tab never reached 退出 (last: ${JSON.stringify(f)})`);
		await Promise.all([p.waitForNavigation(), kb.press('Enter')]);
		await who.visit('kb-signed-out');
		await p.goto(BASE + '/catalogue/staff/new');
		await who.visit('kb-staff-page-after-signout');
		const h1 = await p.locator('h1').innerText();
		if (h1.includes('工作人员登录')) ok(`${who.tag} keyboard sign-out: Enter on 退出 signs out (the staff page asks for a sign-in)`);
		else throw new Error(`after 退出 the staff page shows "${h1}"`);
	}).catch(() => { /* counted by step() */ });
}

// The display switch in each browser; the zoom, weight and no-CSS checks,
// which do not depend on JavaScript or the window, once (the first browser).
async function a11yFlows(js, w, h, run) {
	const reader = await new Person(browser, 'reader', js, w, h).open();
	try {
		await a11ySwitch(reader);
	} catch (e) {
		/* counted by step() */
	}
	await reader.close();
	// The forms by keyboard: a browser of their own (the sign-in's cookie),
	// on the PC's screen with and without JavaScript (a phone's user has no
	// Tab key; the mailbox's and the consultation's own keyboard checks
	// still run on the phone's screen).  Four runs would double the suite's
	// longest flow for no page the two don't reach.
	if (w >= 1280) {
		const typist = await new Person(browser, 'typist', js, w, h).open();
		await a11yKeyboard(typist);
		await typist.close();
	}
	if (run !== 0) return;
	await a11yZoom();
	await a11yWeight(js, w, h);
	await a11yTheme(js, w, h);
}

// ---------------------------------------------------------------- main

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu',
		// The theme's virtual server (CIVIC_THEME_BASE) on loopback.
		...(THEME_BASE ? [`--host-resolver-rules=MAP ${new URL(THEME_BASE).hostname} 127.0.0.1`] : [])],
});
const matrix = [[true, 1280, 900], [false, 1280, 900], [true, 375, 812], [false, 375, 812]];

// The mailbox: the citizen writes and tracks a letter, the staff take it
// through its life, the citizen writes another by keyboard.
async function mailboxFlows(js, w, h) {
	const citizen = await new Person(browser, 'citizen', js, w, h).open();
	const staff = await new Person(browser, 'staff', js, w, h).open();
	try {
		const letter = await citizenWrites(citizen);
		await letterLife(staff, citizen, letter);
		await keyboardWrites(citizen);
	} catch (e) {
		/* counted by step() */
	}
	await citizen.close();
	await staff.close();
}

// The consultation: the citizen who asks (the asker), the clerk on duty
// and the supervisor, each with a browser; then the suggestions and the
// keyboard, each on its own.
async function consultFlows(js, w, h) {
	const asker = await new Person(browser, 'asker', js, w, h).open();
	const clerk = await new Person(browser, 'clerk', js, w, h).open();
	const supervisor = await new Person(browser, 'supervisor', js, w, h).open();
	try {
		const q = await consultAsks(asker);
		await consultLife(clerk, supervisor, asker, q);
	} catch (e) {
		/* counted by step() */
	}
	await clerk.close();
	await supervisor.close();
	for (const flow of [consultSuggests, consultKeyboardAsks]) {
		try {
			await flow(asker);
		} catch (e) {
			/* counted by step() */
		}
	}
	await asker.close();
}

// A flow that fails ends; the other flows, and the next browser, go on.
// The features' flows run side by side, their lines kept apart.
const features = { mailbox: mailboxFlows, consult: consultFlows, evaluate: evaluateFlows,
	prereview: prereviewFlows, a11y: a11yFlows,
	citizenkeys: (js, w, h) => citizenkeysFlows({ browser, Person, step, tabThrough, ok, BASE }, js, w, h),
	catalogue: (js, w, h, run) => catalogueFlows({ browser, Person, step, signIn, ok, fail, BASE,
		clerkNo: process.env.CIVIC_CAT_CLERK_NO || '' }, js, w, h, run),
	staffkeys: (js, w, h) => staffkeysFlows({ browser, Person, step, tabThrough, ok, BASE, PW,
		PR_CODE, PR_ID, PR_M1, PR_M2, PNG, smallPdf }, js, w, h) };
try {
	for (const [run, [js, w, h]] of matrix.entries()) {
		console.log(`# ---- JavaScript ${js ? 'on' : 'off'}, ${w}x${h}`);
		const runs = Object.keys(features).filter((f) => FLOWS.includes(f)).map(async (f) => {
			const buf = [];
			kept.add(buf);
			const t0 = Date.now();
			try {
				await lines.run(buf, () => features[f](js, w, h, run));
			} catch (e) {
				failed++;
				buf.push(`FAIL - ${js ? 'js' : 'nojs'}-${w} ${f}: ${String(e.message).split('\n')[0]}`);
			}
			buf.push(`# time ${js ? 'js' : 'nojs'}-${w} ${f}: ${Math.round((Date.now() - t0) / 1000)} s`);
			return buf;
		});
		for (const buf of await Promise.all(runs)) {
			for (const l of buf) console.log(l);
			kept.delete(buf);
		}
	}
	// The public views without CSS (checked while the flows went on), and
	// the weights of every view.
	await noCss.chain;
	if (noCss.replay) await noCss.replay.ctx.close();
	console.log(`# ---- without CSS: ${noCssViews.size} public views`);
	for (const l of noCss.buf) console.log(l);
	kept.delete(noCss.buf);
	weightReport();
} finally {
	await browser.close();
}
console.log(`# browser: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
