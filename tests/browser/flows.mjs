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
// 市政局's clerk), CHROMIUM (default /usr/bin/chromium).
//
// The flows (doc/browser-tests.md): the citizen writes a letter and tracks
// it; the office, the clerk and the office again take it to a published
// reply, signing in and out; the public list and search show it; the
// citizen reads the reply and rates it; a second letter is written with the
// keyboard alone.  Each runs in four browsers: JavaScript on and off, at
// 1280x900 and at 375x812.  axe-core runs on every page visited with JavaScript on (it
// is a script: with JavaScript off it cannot run; the pages are the same,
// since the site sends no scripts) and the counts are printed per page.

import { chromium } from 'playwright-core';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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
mkdirSync(SHOTS, { recursive: true });

let passed = 0, failed = 0;
function ok(name) { passed++; console.log(`ok - ${name}`); }
function fail(name, why) {
	failed++;
	console.log(`FAIL - ${name}${why ? ': ' + String(why).split('\n')[0] : ''}`);
}

// A valid 1x1 PNG (a grey pixel): the attachment the writer adds.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==', 'base64');

// One browser context: a person with one browser, JavaScript on or off, at
// one size.  visit() is called on every page the person arrives at.
class Person {
	constructor(browser, role, js, width, height) {
		this.browser = browser;
		this.role = role;
		this.js = js;
		this.tag = `${js ? 'js' : 'nojs'}-${width}`;
		this.size = { width, height };
		this.n = 0;
	}
	async open() {
		this.ctx = await this.browser.newContext({ javaScriptEnabled: this.js,
			viewport: this.size, locale: 'zh-CN' });
		this.page = await this.ctx.newPage();
		this.page.setDefaultTimeout(15000);
		// The browser runs scripts, or not, as this person's is set to.
		await this.page.setContent('<title>off</title><script>document.title = "on"</script>');
		const t = await this.page.title();
		if (t === (this.js ? 'on' : 'off')) ok(`${this.tag} the ${this.role}'s browser: JavaScript is ${t}`);
		else fail(`${this.tag} the ${this.role}'s browser: JavaScript is ${this.js ? 'on' : 'off'}`, `a script ${t === 'on' ? 'ran' : 'did not run'}`);
		return this;
	}
	async close() { await this.ctx.close(); }
	// The page now on screen: a screenshot, lang="zh-CN", and axe's count.
	async visit(what) {
		const p = this.page;
		this.n++;
		const file = join(SHOTS, `${this.tag}-${this.role}-${String(this.n).padStart(2, '0')}-${what}.png`);
		await p.screenshot({ path: file, fullPage: true });
		const lang = await p.locator('html').getAttribute('lang');
		if (lang === 'zh-CN') ok(`${this.tag} ${what}: lang="zh-CN"`);
		else fail(`${this.tag} ${what}: lang="zh-CN"`, `lang is ${lang}`);
		if (this.js) await axeCheck(p, `${this.tag} ${what}`);
	}
	async go(path, what) {
		const r = await this.page.goto(BASE + path);
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

async function axeCheck(page, name) {
	try {
		await page.evaluate(AXE);
		const r = await page.evaluate((tags) => globalThis.axe.run(document,
			{ runOnly: { type: 'tag', values: tags } }), AXE_TAGS);
		const n = r.violations.length;
		console.log(`# axe ${name}: ${n} violations, ${r.passes.length} rules passed`);
		if (n === 0) {
			ok(`${name}: axe WCAG 2.1 A/AA`);
		} else {
			for (const v of r.violations)
				console.log(`#   ${v.id} (${v.impact}): ${v.help}: ` +
					v.nodes.slice(0, 3).map((x) => x.target.join(' ')).join(', '));
			fail(`${name}: axe WCAG 2.1 A/AA`, `${n} violations: ` +
				r.violations.map((v) => v.id).join(' '));
		}
	} catch (e) {
		fail(`${name}: axe WCAG 2.1 A/AA`, e.message);
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
		await p.waitForTimeout(1500);
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
		await citizen.sees('the writer reads the reply', reply);
		await citizen.page.getByLabel('非常满意').check();
		await citizen.page.getByLabel(/^意见/).fill('处理很快，谢谢。');
		await citizen.press('提交评价', 'rated');
		await citizen.sees('the rating is saved', '您的评价已保存');
	});
}


// ---------------------------------------------------------------- keyboard

// The writing form with the keyboard alone: from the skip link, Tab reaches
// every field in order, each with a visible focus; the letter is filled by
// typing and arrow keys, sent with Enter, and confirmed on the preview with
// Tab and Enter.
async function keyboardWrites(who) {
	const p = who.page;
	const kb = p.keyboard;
	const focused = () => p.evaluate(() => {
		const e = document.activeElement;
		const cs = getComputedStyle(e);
		return { id: e.id, text: e.textContent.trim(),
			visible: (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) ||
				cs.boxShadow !== 'none' };
	});
	await step(who, 'the form by keyboard', async () => {
		await who.go('/mailbox/write', 'keyboard-write');
		await kb.press('Tab');
		let f = await focused();
		if (f.text === '跳到正文' && f.visible) ok(`${who.tag} keyboard: the first Tab shows the skip link`);
		else fail(`${who.tag} keyboard: the first Tab shows the skip link`, JSON.stringify(f));
		await kb.press('Enter');
		const order = ['f-type', 'f-category', 'f-department', 'f-subject', 'f-body', 'f-name',
			'f-mobile', 'f-email', 'f-agree'];
		const seen = [];
		let invisible = [];
		for (const id of order) {
			await kb.press('Tab');
			f = await focused();
			seen.push(f.id);
			if (!f.visible) invisible.push(f.id);
			switch (f.id) {
			case 'f-type': for (let i = 0; i < 4; i++) await kb.press('ArrowDown'); break;
			case 'f-category': for (let i = 0; i < 4; i++) await kb.press('ArrowDown'); break;
			case 'f-subject': await kb.type('键盘填写的来信标题'); break;
			case 'f-body': await kb.type('这封信只用键盘填写和提交，用来检查表单不需要鼠标。'); break;
			case 'f-name': await kb.type('李秀英'); break;
			case 'f-mobile': await kb.type('13800002222'); break;
			case 'f-agree': await kb.press('Space'); break;
			}
		}
		if (seen.join(' ') === order.join(' ')) ok(`${who.tag} keyboard: Tab goes through the fields in order`);
		else fail(`${who.tag} keyboard: Tab goes through the fields in order`, `got ${seen.join(' ')}`);
		if (invisible.length === 0) ok(`${who.tag} keyboard: every field shows its focus`);
		else fail(`${who.tag} keyboard: every field shows its focus`, `no outline on ${invisible.join(' ')}`);
		await kb.press('Tab');
		f = await focused();
		if (f.text === '预览') ok(`${who.tag} keyboard: after the fields, the 预览 button`);
		else fail(`${who.tag} keyboard: after the fields, the 预览 button`, JSON.stringify(f));
		const v = await p.evaluate(() => [document.getElementById('f-type').value,
			document.getElementById('f-category').value, document.getElementById('f-agree').checked]);
		if (v[0] === 'help' && v[1] === '4' && v[2] === true) ok(`${who.tag} keyboard: arrows choose, Space ticks`);
		else fail(`${who.tag} keyboard: arrows choose, Space ticks`, JSON.stringify(v));
		await p.waitForTimeout(1500);
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

// ---------------------------------------------------------------- main

const browser = await chromium.launch({
	executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
	args: ['--no-sandbox', '--disable-gpu'],
});
const matrix = [[true, 1280, 900], [false, 1280, 900], [true, 375, 812], [false, 375, 812]];
try {
	for (const [js, w, h] of matrix) {
		const citizen = await new Person(browser, 'citizen', js, w, h).open();
		const staff = await new Person(browser, 'staff', js, w, h).open();
		console.log(`# ---- JavaScript ${js ? 'on' : 'off'}, ${w}x${h}`);
		try {
			const letter = await citizenWrites(citizen);
			await letterLife(staff, citizen, letter);
			await keyboardWrites(citizen);
		} catch (e) {
			/* counted by step(); the next browser goes on */
		}
		await citizen.close();
		await staff.close();
	}
} finally {
	await browser.close();
}
console.log(`# browser: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
