// MA208: A secret is baked into the image.
import { ruleTester } from '../helpers/ruleTester';
import { GOOD, online } from '../helpers/folders';

const env = (line: string) => online(GOOD.replace('ENV PYTHONUNBUFFERED=1', line));
const copyAll = (extra: Record<string, string>) => online(GOOD.replace('COPY server.py', 'COPY . /home/app/\nCOPY server.py'), extra);

ruleTester('MA208', {
  valid: [
    {
      name: 'names that only look like secrets, values from the environment, paths',
      files: env('ENV TOKENIZERS_PARALLELISM=false MAX_TOKEN=512 API_KEY=${API_KEY} SECRET_FILE=/run/secrets/s\nARG HF_TOKEN'),
      alone: true,
    },
    { name: 'a .env file excluded by .dockerignore', files: copyAll({ '.env': 'TOKEN=x', '.dockerignore': '.env\n' }), alone: true },
  ],
  invalid: [
    {
      name: 'ENV with an access key and a secret key',
      files: env('ENV HUAWEICLOUD_SDK_AK=HPUAL2X7QWERTYUIOPAS HUAWEICLOUD_SDK_SK=abcdEFGHijklMNOPqrstUVWXyz0123456789ABCD'),
      alone: true,
      count: 2,
    },
    { name: 'ARG with a password', files: env('ARG DB_PASSWORD=hunter22'), alone: true, count: 1 },
    { name: 'a password in a URL of a RUN', files: env('RUN pip install -i https://bob:s3cret@pypi.example.com/simple x'), alone: true, count: 1 },
    {
      name: 'COPY .env',
      files: online(GOOD.replace('COPY server.py', 'COPY .env /home/app/.env\nCOPY server.py'), { '.env': 'TOKEN=x' }),
      alone: true,
      count: 1,
    },
    { name: 'a password in a URL of an ARG', files: env('ARG PIP_INDEX_URL=https://user:p4ss@mirror.example.com/simple'), alone: true, count: 1 },
    { name: 'credentials.csv in a copied folder', files: copyAll({ 'credentials.csv': 'User Name,Access Key Id,Secret Access Key\n' }), alone: true, count: 1 },
  ],
});
