import { type FormEvent, useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { ApiError, api } from '../api';
import { Field } from '../components/Field';
import { FormError } from '../components/FormError';
import { useSession } from '../session';

export function SignUpPage() {
  const { session, setSession } = useSession();
  const navigate = useNavigate();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (session) return <Navigate to="/clients" replace />;

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    setErrors({});
    try {
      setSession(
        await api.signUp({
          businessName: String(form.get('businessName')),
          email: String(form.get('email')),
          password: String(form.get('password')),
          currency: String(form.get('currency') || 'EUR'),
        }),
      );
      navigate('/clients', { replace: true });
    } catch (err) {
      if (err instanceof ApiError) {
        setErrors(err.fieldErrors());
        setError(err.problem.errors.length ? null : err.message);
      } else setError('Sign-up failed');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="auth-card">
      <h1>Create your business account</h1>
      <form onSubmit={submit} noValidate>
        <FormError message={error} />
        <Field label="Business name" name="businessName" required autoFocus error={errors.businessName} />
        <Field label="Email" name="email" type="email" autoComplete="email" required error={errors.email} />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 10 characters"
          error={errors.password}
        />
        <Field label="Currency" name="currency" defaultValue="EUR" maxLength={3} error={errors.currency} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create account'}
        </button>
      </form>
      <p className="muted">
        Already have an account? <Link to="/signin">Sign in</Link>
      </p>
    </div>
  );
}
