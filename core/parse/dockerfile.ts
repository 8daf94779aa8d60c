// Dockerfile -> instructions with ranges, via dockerfile-ast (continuations, escape directive, heredocs).
import { DockerfileParser, type Dockerfile } from 'dockerfile-ast';
import { textModel, unfitInput, type TextModel } from './text';

export interface DockerfileDoc extends TextModel {
  ast: Dockerfile;
  unreadable?: 'binary' | 'too-large';
}

export function parseDockerfile(file: string, text: string): DockerfileDoc {
  const unreadable = unfitInput(text);
  const ast = DockerfileParser.parse(unreadable ? '' : text);
  return { ...textModel(file, text, 'dockerfile'), ast, unreadable };
}
