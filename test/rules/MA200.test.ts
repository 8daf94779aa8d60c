// MA200: The Dockerfile cannot be used at all.
import { ruleTester } from '../helpers/ruleTester';
import { GOOD, online } from '../helpers/folders';

/** The only finding of the folder is one MA200 (nothing else is checked when the file is unusable). */
const only = { alone: true, count: 1 };

ruleTester('MA200', {
  valid: [
    { name: 'ARG before the first FROM', files: online('ARG V=3.11\nFROM python:${V}-slim\n' + GOOD.split('\n').slice(1).join('\n')), alone: true },
  ],
  invalid: [
    { name: 'no FROM', files: online('RUN echo hi\nCMD ["x"]\n'), ...only },
    { name: 'an empty file', files: online(''), ...only },
    { name: 'an unknown instruction', files: online(GOOD.replace('WORKDIR', 'WORKDIRR')), ...only },
    {
      name: 'an exec form that is no JSON array',
      files: online(GOOD.replace('["python3", "/home/app/server.py"]', '["python3" "/home/app/server.py"]')),
      ...only,
    },
    { name: 'an instruction before FROM', files: online('EXPOSE 8080\n' + GOOD), ...only },
    { name: 'a binary file', files: { Dockerfile: 'FROM x\u0000\u0001\u0002' }, ...only },
    { name: 'a file over 5 MB', files: { Dockerfile: 'RUN echo 1\n'.repeat(600000) }, ...only },
  ],
});
