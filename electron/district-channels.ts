// The district ledger's IPC channel names, shared by preload (which exposes exactly these) and
// electron/district.ts (which serves them). No Node, no SQLite: the sandboxed preload imports it.
export const DISTRICT_SHELL_METHODS = ['open', 'current', 'forget'] as const;
export type DistrictShellMethod = (typeof DISTRICT_SHELL_METHODS)[number];
export const districtChannel = (name: string) => `district:${name}`;
export const districtShellChannel = (method: DistrictShellMethod) => `district-shell:${method}`;
