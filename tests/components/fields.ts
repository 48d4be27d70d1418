import type { ComponentProps } from 'svelte';
import type TextField from '$lib/components/TextField.svelte';

/** The fields the component tests render, on the server (for their HTML) and in the browser. */
export const FIELDS = {
	story: { name: 'story', label: '需求描述', value: '楼下长者缺少午餐', multiline: true, required: true },
	contact: { name: 'contact', label: '联系电话', value: '13800000000', type: 'tel' },
	empty: { name: 'note', label: '备注', value: '', multiline: true }
} satisfies Record<string, ComponentProps<typeof TextField>>;

export type FieldName = keyof typeof FIELDS;
