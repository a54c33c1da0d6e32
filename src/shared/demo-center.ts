/**
 * The fictional center used by the demo and as the fallback when an embed
 * leaves a setting out. Never a real center's name or number: 555-01XX
 * numbers are reserved for fiction.
 */
export const DEMO_CENTER = { center: 'Sunrise Recovery', phone: '(555) 010-0100' } as const;
