export function makeGitTemplate(dir: string): string
