export const TEST_BUCKET: string
