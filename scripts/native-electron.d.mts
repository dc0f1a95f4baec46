// Types for scripts/native-electron.mjs (imported by test/electron/*).
export declare const PACKAGED_ARCHS: Record<'win32' | 'linux' | 'darwin', string[]>;
export declare function builderOs(platform: string): string;
export interface NativeStep {
  platform: string;
  arch: string;
  dir: string;
  file: string;
  stamp: string;
  canCompile: boolean;
}
export declare function plan(options: { platform?: string; arch?: string; all?: boolean; electron: string; sqlite: string }): NativeStep[];
export declare function buildEnv(env?: Record<string, string | undefined>): Record<string, string | undefined>;
