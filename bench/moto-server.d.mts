export interface MotoServer {
  readonly endpoint: string
  readonly keys: { readonly accessKeyId: string; readonly secretAccessKey: string }
  stop(): Promise<void>
}
export function startMoto(options: { bucket: string; auth?: boolean; timeoutMs?: number }): Promise<MotoServer>
export function motoInstalled(): boolean
