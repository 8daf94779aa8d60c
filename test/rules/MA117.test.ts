// MA117: swr_location is not a valid SWR image address.
import * as assert from 'node:assert/strict';
import { configCodes, ruleTester } from '../helpers/ruleTester';
import { configOnly, img } from '../core/config-helpers';

const swr = (swr_location: string) => configOnly(img({ swr_location }));

const GOOD = [
  'swr.cn-north-4.myhuaweicloud.com/my-org/my-model:1.0.0',
  'swr.cn-north-4.myhuaweicloud.com/my_org/model:1',
  'swr.sa-brazil-1.myhuaweicloud.com/myorg/myapp:0.0.1',
  'swr.cn-north-4.myhuaweicloud.com/atelier/pytorch_1_8:pytorch_1.8.0-cuda_10.2-py_3.7-ubuntu_18.04-x86_64-20221118143845-d65d817',
  'swr.eu-de.otc.t-systems.com/team/model/v2:latest',
  '100.125.5.235:20202/models/abc:1',
  'swr.cn-north-4.myhuaweicloud.com/a__b/repo:1',
];
const BAD: [string, RegExp][] = [
  ['docker.io/library/python:3.10', /not an SWR registry/],
  ['swr.cn-north-4.myhuaweicloud.com/MyOrg/model:1', /organization "MyOrg"/],
  ['swr.cn-north-4.myhuaweicloud.com/org/repo', /no tag/],
  ['swr.cn-north-4.myhuaweicloud.com/Org/repo:1', /organization "Org"/],
  ['swr.cn-north-4.myhuaweicloud.com/a___b/repo:1', /organization/],
  ['swr.cn-north-4.myhuaweicloud.com/a_-b/repo:1', /organization/],
  ['swr.cn-north-4.myhuaweicloud.com/org-/repo:1', /organization/],
  ['swr.cn-north-4.myhuaweicloud.com/org/Repo:1', /repository "Repo"/],
  ['swr.cn-north-4.myhuaweicloud.com/org/repo:-bad', /tag/],
  ['my-model:1.0', /not an SWR image address/],
];

ruleTester('MA117', {
  valid: GOOD.map((v) => ({ name: v, files: swr(v) })),
  invalid: [
    ...BAD.map(([v, message]) => ({ name: v, files: swr(v), message })),
    {
      name: 'swr_location with https:// says the scheme is the problem, and the fix removes it',
      files: swr('https://swr.cn-north-4.myhuaweicloud.com/org/repo:1.0'),
      message: /starts with "https:\/\/": an image address has no scheme/,
      then: ([f]) => {
        assert.doesNotMatch(f.message.en, /host "https:"/);
        assert.match(f.message.zh, /协议头/);
      },
      firstFix: (after) => {
        assert.equal(JSON.parse(after.files['config.json']).swr_location, 'swr.cn-north-4.myhuaweicloud.com/org/repo:1.0');
        assert.ok(!configCodes(after).includes('MA117'));
      },
    },
  ],
});
