/** Login while online; offline the same password unlocks the tablet through the on-device verifier. */
import { type FormEvent, useState } from 'react';
import type { ApiUser } from '../../server/contract/auth.ts';
import { type MessageKey, useI18n } from '../i18n.ts';

interface Props {
  login: (
    username: string,
    password: string,
  ) => Promise<{ ok: boolean; message: MessageKey | null; user?: ApiUser }>;
}

export function LoginScreen({ login }: Props) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<MessageKey | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    const result = await login(username.trim(), password);
    setBusy(false);
    if (!result.ok) setMessage(result.message);
  };

  return (
    <form className="login" onSubmit={(e) => void submit(e)}>
      <h1>{t('login.title')}</h1>
      <label>
        {t('login.username')}
        <input
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          required
        />
      </label>
      <label>
        {t('login.password')}
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </label>
      {message && (
        <p className="message error" role="alert">
          {t(message)}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {t('login.submit')}
      </button>
    </form>
  );
}
