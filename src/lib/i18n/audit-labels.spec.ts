import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n, isMessageKey } from './index';
import { auditFacts, type AuditWords } from '../domain/audit-text';
import { ELIGIBILITY_OUTCOMES } from '../schemas/eligibility';

/** The TypeScript files that may write to the audit log (tests aside). */
function sources(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return sources(path);
		return /\.ts$/.test(path) && !/\.spec\.ts$/.test(path) ? [path] : [];
	});
}

/**
 * The action keys built from a value at run time, with every value they can take. A new
 * template literal fails the test until it is listed here (and its keys labelled).
 */
const TEMPLATES: Record<string, readonly string[]> = {
	"category.${outcome === 'added' ? 'add' : 'rename'}": ['category.add', 'category.rename'],
	'proposal.line_override_${input.kind}': ['proposal.line_override_fund', 'proposal.line_override_exclude'],
	'eligibility.${input.outcome}': ELIGIBILITY_OUTCOMES.map((o) => `eligibility.${o}`),
	'objection.${input.outcome}': ['objection.upheld', 'objection.dismissed']
};

/**
 * Every audit action key the code writes: quoted keys after `action:` (or `action =`, a key chosen
 * before the call), and the templates' keys.
 */
function writtenActions(): { keys: Set<string>; unknownTemplates: string[] } {
	const keys = new Set<string>();
	const unknownTemplates: string[] = [];
	for (const file of [...sources('src'), ...sources('scripts')]) {
		for (const m of readFileSync(file, 'utf8').matchAll(/\baction\s*[:=]\s*([^\n]*)/g)) {
			for (const q of m[1].matchAll(/'([a-z_]+\.[a-z_]+)'/g)) keys.add(q[1]);
			for (const q of m[1].matchAll(/`([^`]*\$\{[^`]*)`/g)) {
				const expansion = TEMPLATES[q[1]];
				if (expansion) for (const k of expansion) keys.add(k);
				else unknownTemplates.push(`${file}: ${q[1]}`);
			}
		}
	}
	return { keys, unknownTemplates };
}

describe('the audit log in words', () => {
	it('has a label for every action key the code writes', () => {
		const { keys, unknownTemplates } = writtenActions();
		expect(unknownTemplates).toEqual([]);
		// 51 written as they are, 9 more from the templates (a scan that stops matching fails here).
		expect(keys.size).toBeGreaterThanOrEqual(60);
		expect(keys).toContain('proposal.resubmit');
		const missing = [...keys].filter((k) => !isMessageKey(`audit.action.${k}`));
		expect(missing).toEqual([]);
	});

	it('reads an entry’s detail as named facts, amounts in yuan and keys as words', () => {
		const i18n = createI18n(() => 'zh-CN');
		const words: AuditWords = {
			field: (name) => (isMessageKey(`audit.field.${name}`) ? i18n.t(`audit.field.${name}` as never) : null),
			value: (field, key) => (field === 'from' || field === 'to') && isMessageKey(`phase.${key}`) ? i18n.t(`phase.${key}` as never) : null,
			money: i18n.money,
			date: (iso) => i18n.date(iso),
			yes: '是',
			no: '否',
			more: (count) => `…另有 ${count} 项`
		};
		const draw = auditFacts(
			JSON.stringify({ cause: 'draw', awardedFen: 19_900_000, fundedCount: 8, changed: [10, 2, 1, 3, 7, 4, 5, 6, 9, 8, 11, 12, 13, 14] }),
			words
		);
		expect(draw).toEqual([
			{ field: '原因', text: 'draw' },
			{ field: '资助合计', text: '¥199,000.00' },
			{ field: '资助项目数', text: '8' },
			{ field: '名次变化的项目', text: '10、2、1、3、7、4、5、6、9、8、11、12 …另有 2 项' }
		]);
		expect(auditFacts(JSON.stringify({ from: 'decision', to: 'notice', endsAt: '2025-12-12T16:00:00.000Z' }), words)).toEqual([
			{ field: '原为', text: '评审决策' },
			{ field: '改为', text: '公示' },
			{ field: '截止时间', text: '2025-12-13 00:00' }
		]);
		expect(auditFacts(JSON.stringify({ criteria: [{ name: '需求回应', weight: 20 }], districtCapsFen: { 海珠区: 5_000_000 } }), words)).toEqual([
			{ field: '评分项', text: '名称 需求回应，权重 20' },
			{ field: '各区资助上限', text: '海珠区 ¥50,000.00' }
		]);
		expect(auditFacts(null, words)).toEqual([]);
		expect(auditFacts('not json', words)).toEqual([{ field: '', text: 'not json' }]);
	});
});
