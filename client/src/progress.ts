// Long work as a cancellable notification: the token becomes an AbortSignal the engine understands.
import * as vscode from 'vscode';

export type Report = (message: string) => void;

export function withCancellableProgress<T>(title: string, work: (signal: AbortSignal, report: Report) => Promise<T>): Thenable<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
    const ac = new AbortController();
    const sub = token.onCancellationRequested(() => ac.abort());
    return work(ac.signal, (message) => progress.report({ message })).finally(() => sub.dispose());
  });
}
