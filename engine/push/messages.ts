// Every person-facing text of a push, English and Simplified Chinese side by side.
import { L } from '../../core/i18n';
import type { Lang } from '../../core/types';

/** How to make a build that pushes one Docker v2 schema 2 manifest (no provenance/SBOM attestation list). */
const NO_ATTESTATIONS = L(
  'Build without attestations: docker buildx build --provenance=false --sbom=false (or set BUILDX_NO_DEFAULT_ATTESTATIONS=1), '
    + 'or build with the classic builder (DOCKER_BUILDKIT=0), then push again.',
  '请不带证明信息构建：docker buildx build --provenance=false --sbom=false（或设置 BUILDX_NO_DEFAULT_ATTESTATIONS=1），'
    + '或使用经典构建器（DOCKER_BUILDKIT=0），然后重新推送。');

export const titles = {
  tested: L('Tested from the current folder', '镜像由当前目录构建并通过测试'),
  platform: L('Platform', '平台'),
  size: L('Size under the limit', '大小未超过限制'),
  manifest: L('Docker image manifest v2 schema 2', 'Docker 镜像清单 v2 schema 2'),
  push: L('Push', '推送'),
  readBack: L('Manifest read back', '回读清单'),
};

export const texts = {
  runTest: (folder: string) => L(`run: modelarts-image test ${folder}`, `请运行：modelarts-image test ${folder}`),
  neverTested: L('this folder has no passing test on record.', '该目录没有通过测试的记录。'),
  lastFailed: (at: string) => L(`the last test of this folder (${at}) failed.`, `该目录最近一次测试（${at}）未通过。`),
  changed: (at: string) => L(`the folder changed since its passing test (${at}): the image would not be the tested one.`,
    `该目录在通过测试（${at}）之后有改动：推送的镜像将不是经过测试的镜像。`),
  imageGone: (id: string) => L(`the tested image ${id} is no longer on the engine.`, `经过测试的镜像 ${id} 已不在该引擎上。`),
  testedOk: (id: string, at: string) => L(`image ${id} passed test at ${at}; the folder is unchanged`, `镜像 ${id} 于 ${at} 通过测试；目录未改动`),
  platformOk: (p: string) => L(p, p),
  platformWrong: (p: string, want: string) => L(
    `the image is ${p}, the target pool runs ${want} (MA402). Build for ${want}`
      + (want === 'linux/amd64' ? '; for an Ascend (arm64) pool push with --platform linux/arm64.' : '.'),
    `镜像平台为 ${p}，目标资源池运行 ${want}（MA402）。请为 ${want} 构建`
      + (want === 'linux/amd64' ? '；推送到昇腾（arm64）资源池时请加 --platform linux/arm64。' : '。')),
  sizeOk: (size: string, limit: string) => L(`${size} (limit ${limit})`, `${size}（上限 ${limit}）`),
  sizeOver: (size: string, limit: string) => L(`${size} is over the limit of ${limit} (MA401): ModelArts refuses the image.`,
    `${size} 超过上限 ${limit}（MA401）：ModelArts 会拒绝该镜像。`),
  classicStore: (driver: string) => L(`the engine's image store (${driver}) pushes one Docker v2 schema 2 manifest`,
    `引擎的镜像存储（${driver}）推送单个 Docker v2 schema 2 清单`),
  containerdStore: L('this engine keeps images in the containerd store: a push may send an OCI index with attestations, '
    + 'which SWR refuses ("Invalid image, fail to parse \'manifest.json\'"); the read-back after the push checks it. ',
  '该引擎使用 containerd 镜像存储：推送可能发送带证明信息的 OCI 索引，SWR 会拒绝（"Invalid image, fail to parse \'manifest.json\'"）；推送后的回读会检查。'),
  notChecked: L('not checked: an earlier check failed', '未检查：前面的检查未通过'),
  pushed: (digest: string, size: string, time: string) => L(`${digest} (${size} sent in ${time})`, `${digest}（${time} 内发送 ${size}）`),
  readBackOk: (media: string) => L(`${media}, digest and config match what was pushed`, `${media}，摘要和配置与推送的一致`),
  isIndex: (media: string) => L(`the tag holds ${media} (an index or attestation list), not one Docker v2 schema 2 manifest: `
    + 'SWR refuses it ("Invalid image, fail to parse \'manifest.json\'"). ', `该标签指向 ${media}（索引或证明列表），`
    + '而不是单个 Docker v2 schema 2 清单：SWR 会拒绝（"Invalid image, fail to parse \'manifest.json\'"）。'),
  isOci: L('the tag holds an OCI image manifest, not a Docker v2 schema 2 one: SWR may not parse it. ',
    '该标签指向 OCI 镜像清单，而不是 Docker v2 schema 2 清单：SWR 可能无法解析。'),
  otherMedia: (media: string) => L(`the tag holds "${media}", not a Docker v2 schema 2 manifest. `, `该标签指向 "${media}"，不是 Docker v2 schema 2 清单。`),
  digestDiffers: (got: string, want: string) => L(`the registry holds ${got}, the push reported ${want}: another push replaced the tag?`,
    `仓库中为 ${got}，推送报告的是 ${want}：是否有其他推送覆盖了该标签？`),
  configDiffers: (got: string, want: string) => L(`the manifest's image is ${got}, the tested image is ${want}.`,
    `清单中的镜像为 ${got}，经过测试的镜像为 ${want}。`),
  readBackFailed: (why: string) => L(`could not read the manifest back: ${why}`, `无法回读清单：${why}`),
  noAttestations: NO_ATTESTATIONS,
};

/** Why a push ended; `kind` decides the CLI's exit code. */
export type PushErrorKind = 'unreachable' | 'unauthorized' | 'denied' | 'full' | 'registry';

export const pushErrors = {
  stoppedMidPush: (reg: string, why: string) => L(`the registry ${reg} stopped answering during the push (${why}); the engine was retrying, `
    + 'so the push was ended at its first retry. No tag was written. Is the registry up?',
  `推送过程中镜像仓库 ${reg} 停止响应（${why}）；引擎正在重试，因此在第一次重试时结束了推送，未写入任何标签。请确认镜像仓库可用。`),
  unreachable: (reg: string, why: string) => L(`the registry ${reg} cannot be reached: ${why}. Check the address and your network; `
    + 'is the registry up?', `无法连接镜像仓库 ${reg}：${why}。请检查地址和网络，确认镜像仓库可用。`),
  unauthorized: (reg: string, source: string) => L(`the registry ${reg} refused the login (401, credentials from ${source}). `
    + `Log in again: for SWR, copy the login command from the SWR console (docker login -u <region>@<AK> -p <login key> ${reg}).`,
  `镜像仓库 ${reg} 拒绝登录（401，凭据来自 ${source}）。请重新登录：SWR 的登录指令可在 SWR 控制台复制`
    + `（docker login -u <区域>@<AK> -p <登录密钥> ${reg}）。`),
  noCredentials: (reg: string) => L(`the registry ${reg} asks for a login and none was found (~/.docker/config.json auths, credsStore, `
    + `credHelpers). Log in: docker login ${reg} (for SWR: the login command of the SWR console).`,
  `镜像仓库 ${reg} 需要登录，但未找到凭据（~/.docker/config.json 的 auths、credsStore、credHelpers）。`
    + `请登录：docker login ${reg}（SWR：使用 SWR 控制台提供的登录指令）。`),
  denied: (reg: string, why: string) => L(`the registry ${reg} refused the push: ${why}. Check that the organization exists and that `
    + 'your account may push to it (SWR: create the organization in the console first).',
  `镜像仓库 ${reg} 拒绝推送：${why}。请确认组织已存在且账号有推送权限（SWR：先在控制台创建组织）。`),
  full: (why: string) => L(`no space left: ${why}. Free disk space (engine or registry side) and push again.`,
    `空间不足：${why}。请释放（引擎或镜像仓库侧的）磁盘空间后重新推送。`),
  registry: (reg: string, why: string) => L(`the push to ${reg} failed: ${why}`, `推送到 ${reg} 失败：${why}`),
  manifest: (reg: string, why: string) => L(`the registry ${reg} refused the image's manifest: ${why}. SWR takes one Docker image manifest `
    + 'v2 schema 2; an OCI index or an attestation list is refused. ' + NO_ATTESTATIONS.en,
  `镜像仓库 ${reg} 拒绝了镜像清单：${why}。SWR 只接受单个 Docker 镜像清单 v2 schema 2，OCI 索引或证明列表会被拒绝。` + NO_ATTESTATIONS.zh),
  cancelled: L('push cancelled: the registry got no manifest, so the tag was not written (uploaded layers stay as unreferenced blobs).',
    '推送已取消：镜像仓库未收到清单，标签未写入（已上传的层作为未引用的数据块保留）。'),
};

/** The engine's per-layer status words (dockerd's distribution/xfer texts) in the report's language; others as they come. */
export function layerStatus(status: string, lang: Lang): string {
  if (lang === 'en') return status;
  const m = /^(?:(Preparing|Waiting|Pushing|Pushed|Layer already exists)|Mounted from (.+)|Retrying in (\d+) seconds?)$/.exec(status);
  if (!m) return status;
  if (m[2]) return `已从 ${m[2]} 挂载`;
  if (m[3]) return `${m[3]} 秒后重试`;
  return { Preparing: '准备中', Waiting: '等待中', Pushing: '推送中', Pushed: '已推送', 'Layer already exists': '层已存在' }[m[1]]!;
}
