// Dockerfile -> instructions with ranges, via dockerfile-ast (continuations, escape directive, heredocs).
import { DockerfileParser, type Dockerfile } from 'dockerfile-ast';
import { textModel, type TextModel } from './text';

export interface DockerfileDoc extends TextModel {
  ast: Dockerfile;
  unreadable?: 'binary' | 'too-large';
}

export const MAX_DOCKERFILE_BYTES = 5 * 1024 * 1024;

export function parseDockerfile(file: string, text: string): DockerfileDoc {
  let unreadable: DockerfileDoc['unreadable'];
  if (text.length > MAX_DOCKERFILE_BYTES) unreadable = 'too-large';
  else if (text.slice(0, 8192).includes('\u0000')) unreadable = 'binary';
  const ast = DockerfileParser.parse(unreadable ? '' : text);
  return { ...textModel(file, text, 'dockerfile'), ast, unreadable };
}
