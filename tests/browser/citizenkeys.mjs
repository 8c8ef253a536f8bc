// citizenkeys.mjs: the citizen's follow-ups and a campaign's rating with
// the keyboard alone
// (issue 10: "the whole site usable by keyboard alone, visible focus"), an
// ES module imported by flows.mjs as the flow "citizenkeys"
// (doc/browser-tests.md).
//
// As staffkeys.mjs's forms: the first Tab shows the skip link and Enter
// follows it, Tab goes on to the form's first field and through every
// field in DOM order, each with a visible focus (flows.mjs tabThrough);
// the fields are typed into; the next Tab reaches the submit button, its
// focus visible, and Enter or Space sends the form; the page that comes
// back shows the result, and a second look shows it was stored.
//
// - The mailbox's follow-up (追问): the letter is found with the tracking
//   form by the keyboard (number and query code typed, Enter), and on the
//   letter's page, which answers that POST, Tab from the skip link's
//   target reaches the follow-up's field.  The letters are browser.sh's
//   (CIVIC_CK_LETTERS: two replied letters, one for each run, since a
//   letter takes one follow-up only).
// - The consultation's follow-up: a question asked by the mouse (setting
//   up, as staffkeys.mjs does: no screenshot, no axe), then its page's
//   follow-up form by the keyboard.
// - A campaign's rating (browser.sh's campaign, CIVIC_CK_CAMPAIGN): the
//   form by the keyboard, its SMS code read from notify_outbox
//   (CIVIC_CK_MARIADB, CIVIC_CK_MYCNF) as a person reads it on the phone.
//
// Run at 1280x900 only (a phone has no Tab key), with JavaScript on and
// off: the public pages send a script (consult.js), which must not change
// the tab order or what Enter and Space do.

import { execFileSync } from 'node:child_process';

const LETTERS = (process.env.CIVIC_CK_LETTERS || '').split(/\s+/).filter((x) => x);
// The query code of browser.sh's replied letters (their query_hash).
const CODE = 'DEMQ234567';

// ctx: flows.mjs's browser, Person, step, tabThrough, ok, BASE.
export async function citizenkeysFlows(ctx, js, w, h) {
	if (w < 1280) return;
	const people = [];
	try {
		const person = async (role) => {
			const p = await new ctx.Person(ctx.browser, `ck-${role}`, js, w, h).open();
			people.push(p);
			return p;
		};
		// One part failing ends that part; the next goes on.
		const part = async (fn) => { try { await fn(); } catch (e) { /* counted by step() */ } };
		await part(async () => mailboxFollowup(ctx, await person('writer'), LETTERS[js ? 0 : 1]));
		await part(async () => consultFollowup(ctx, await person('asker')));
		await part(async () => campaignRates(ctx, await person('rater'), js ? '13800000101' : '13800000102'));
	} finally {
		for (const p of people) await p.close();
	}
}

// What has the focus, and whether its focus is drawn.
function focusOf(p) {
	return p.evaluate(() => {
		const e = document.activeElement;
		const cs = getComputedStyle(e);
		return { id: e.id, tag: e.tagName, text: (e.textContent || e.value || '').trim(),
			visible: (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none' };
	});
}

// The next Tab (past the last field's other stops) is on the button label,
// its focus visible; key sends the form; text is then on screen.
async function sends(ctx, who, what, last, label, key, text) {
	const p = who.page;
	let f;
	for (let i = 0; i < 8; i++) {
		await p.keyboard.press('Tab');
		f = await focusOf(p);
		if (f.id !== last) break;
	}
	if (f.text === label && f.visible) ctx.ok(`${who.tag} keyboard ${what}: after the fields, ${label}, its focus visible`);
	else throw new Error(`after the fields the focus is on ${JSON.stringify(f)}`);
	const [r] = await Promise.all([p.waitForNavigation(), p.keyboard.press(key)]);
	await who.visit(`ckb-${what.replace(/\s+/g, '-')}-sent`);
	if (r && r.status() >= 400) throw new Error(`${key} on ${label}: status ${r.status()} at ${p.url()}`);
	if (!(await who.sees(`keyboard ${what}: ${key} on ${label} sends it (${text})`, text)))
		throw new Error(`"${text}" not on screen`);
}

// On a page that answers a POST (not one tabThrough can load): the first
// Tab on the skip link, Enter, then Tab to the field id, its focus visible.
async function tabTo(ctx, who, id, what) {
	const p = who.page;
	await p.keyboard.press('Tab');
	let f = await focusOf(p);
	if (f.text !== '跳到正文' || !f.visible) throw new Error(`the first Tab is on ${JSON.stringify(f)}`);
	await p.keyboard.press('Enter');
	let n = 0;
	for (; n < 120 && f.id !== id; n++) {
		await p.keyboard.press('Tab');
		f = await focusOf(p);
	}
	if (f.id === id && f.visible) ctx.ok(`${who.tag} keyboard ${what}: Tab reaches ${id} (${n} Tabs), its focus visible`);
	else throw new Error(`Tab never reached ${id}, or without a visible focus (${JSON.stringify(f)})`);
}

async function mailboxFollowup(ctx, who, no) {
	const { step, tabThrough } = ctx;
	const p = who.page;
	const question = `答复说本月修复，具体哪天施工？键盘追问${who.tag}`;
	await step(who, 'citizenkeys mailbox follow-up', async () => {
		if (!no) throw new Error('CIVIC_CK_LETTERS has not two letters');
		// The tracking form: the number and the code typed, Enter.
		const focused = await tabThrough(who, '/mailbox/track', 'ckb-mailbox-track', '查询', async (k) => {
			if (/no$/.test(k)) await p.keyboard.type(no);
			else if (/code$/.test(k)) await p.keyboard.type(CODE);
		}, 'mailbox track');
		await sends(ctx, who, 'mailbox track', (await focused()).key, '查询', 'Enter', '城南公交站台破损无人修');
		// The letter's page: from the skip link's target, Tab to the
		// follow-up's field.
		await tabTo(ctx, who, 'f-question', 'mailbox follow-up');
		await p.keyboard.type(question);
		await sends(ctx, who, 'mailbox follow-up', 'f-question', '提交追问', 'Space', '您的追问已提交');
		// Stored: the letter tracked again (by the mouse) shows the question.
		await p.goto(ctx.BASE + '/mailbox/track');
		await p.getByLabel('查询编号').fill(no);
		await p.getByLabel('查询码').fill(CODE);
		await Promise.all([p.waitForNavigation(), p.getByRole('button', { name: '查询', exact: true }).click()]);
		if (!(await who.sees(`mailbox follow-up: stored, the letter shows it`, question))) throw new Error('not stored');
	}).catch(() => { /* counted by step() */ });
}

async function consultFollowup(ctx, who) {
	const { step, tabThrough } = ctx;
	const p = who.page;
	const body = `补办期间能否开临时身份证明？键盘追问${who.tag}`;
	let no;
	await step(who, 'citizenkeys: a question asked', async () => {
		await p.goto(ctx.BASE + '/consult/ask');
		await p.getByLabel(/^咨询窗口/).selectOption({ label: '县公安局' });
		await p.getByLabel(/^问题概要/).fill('身份证丢失后坐火车怎么办');
		await p.getByLabel(/^详细内容/).fill('身份证丢失了，下周要坐火车，补办期间怎么办？');
		await p.getByLabel(/^姓名/).fill('钱小梅');
		await p.getByLabel(/^联系电话/).fill('13700008888');
		await Promise.all([p.waitForNavigation(), p.getByRole('button', { name: '提交咨询', exact: true }).click()]);
		no = (await p.locator('main').innerText()).match(/ZX\d{8}-\d{4,6}/)[0];
	});
	await step(who, 'citizenkeys consult follow-up', async () => {
		const focused = await tabThrough(who, `/consult/q/${no}`, 'ckb-consult-followup', '提交追问', async (k) => {
			if (/body$/.test(k)) await p.keyboard.type(body);
		}, 'consult follow-up');
		await sends(ctx, who, 'consult follow-up', (await focused()).key, '提交追问', 'Enter', '您的追问已提交');
		// Stored: the question's page, loaded again, has it in the thread.
		await p.goto(`${ctx.BASE}/consult/q/${no}`);
		if (!(await who.sees('consult follow-up: stored, in the thread', body))) throw new Error('not stored');
	}).catch(() => { /* counted by step() */ });
}

// The SMS code last sent to phone for the campaign, from notify_outbox
// (browser.sh's database): what the person reads on the phone.
function smsCode(phone) {
	const out = execFileSync(process.env.CIVIC_CK_MARIADB, [`--defaults-file=${process.env.CIVIC_CK_MYCNF}`,
		'-N', '-B', 'civic', '-e', `SELECT params FROM notify_outbox WHERE template = 'evaluate.code'
		AND recipient = '${phone}' ORDER BY id DESC LIMIT 1`], { encoding: 'utf8' });
	const m = out.match(/code=(\d{6})/);
	if (!m) throw new Error(`no SMS code for ${phone} in notify_outbox`);
	return m[1];
}

// A campaign's rating: the department chosen with the arrow keys, each
// radio group set to 满意 with them, a comment and the phone typed; Tab
// back (Shift+Tab) from the code's field to 获取验证码, Enter; on the page
// that comes back, Tab from the skip link's target to the code's field,
// the SMS's code typed, Enter on 提交评价; the thanks on screen (the
// page the stored rating's redirect leads to).
async function campaignRates(ctx, who, phone) {
	const { step, tabThrough, ok } = ctx;
	const p = who.page;
	const id = process.env.CIVIC_CK_CAMPAIGN;
	const label = () => p.evaluate(() => {
		const e = document.activeElement;
		if (e.tagName === 'SELECT') return e.selectedIndex >= 0 ? e.options[e.selectedIndex].text.trim() : '';
		return e.labels && e.labels[0] ? e.labels[0].textContent.trim() : '';
	});
	const choose = async (want, radio) => {
		if (radio) await p.keyboard.press('Space');
		for (let i = 0; i < 12 && (await label()) !== want; i++) await p.keyboard.press('ArrowDown');
		if ((await label()) !== want) throw new Error(`the arrow keys never chose ${want} (last: ${await label()})`);
	};
	await step(who, 'citizenkeys campaign rating', async () => {
		if (!id) throw new Error('no CIVIC_CK_CAMPAIGN');
		const path = `/evaluate/campaign/${id}`;
		const focused = await tabThrough(who, path, 'ckb-campaign', '提交评价', async (k) => {
			const tag = await p.evaluate(() => `${document.activeElement.tagName}:${document.activeElement.type}`);
			if (k === 'f-department') await choose('县公安局', false);
			else if (tag === 'INPUT:radio') await choose('满意', true);
			else if (tag.startsWith('TEXTAREA')) await p.keyboard.type('窗口人员解答耐心（键盘）');
			else if (k === 'f-phone') await p.keyboard.type(phone);
		}, 'campaign rating');
		if ((await focused()).key !== 'f-code') throw new Error(`the last field is not f-code: ${JSON.stringify(await focused())}`);
		await p.keyboard.press('Shift+Tab');
		const f = await focusOf(p);
		if (f.text === '获取验证码' && f.visible) ok(`${who.tag} keyboard campaign rating: Shift+Tab to 获取验证码, its focus visible`);
		else throw new Error(`Shift+Tab is on ${JSON.stringify(f)}`);
		await Promise.all([p.waitForNavigation(), p.keyboard.press('Enter')]);
		await who.visit('ckb-campaign-code');
		if (!(await who.sees('keyboard campaign rating: Enter on 获取验证码 sends the code', '验证码已发送')))
			throw new Error('no code sent');
		const code = smsCode(phone);
		await tabTo(ctx, who, 'f-code', 'campaign rating');
		await p.keyboard.type(code);
		await sends(ctx, who, 'campaign rating', 'f-code', '提交评价', 'Enter', '评价已提交，感谢您参加网上评议');
	}).catch(() => { /* counted by step() */ });
}
