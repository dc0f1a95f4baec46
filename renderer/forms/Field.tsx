import { useId, type ReactElement, type ReactNode } from 'react';
import { cloneElement, isValidElement } from 'react';

interface FieldProps {
  label: string;
  required?: boolean;
  /** The contract's message for this field (error.field matched), shown under it. */
  error?: string | null;
  help?: ReactNode;
  wide?: boolean;
  children: ReactElement<{ id?: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }>;
}

/** Label + control + the error that says what to do. The control gets the id and aria wiring. */
export function Field({ label, required, error, help, wide, children }: FieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const control = isValidElement(children)
    ? cloneElement(children, { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? errorId : undefined })
    : children;
  return (
    <div className={`field${error ? ' has-error' : ''}${wide ? ' wide' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && <span className="req" aria-hidden="true">*</span>}
      </label>
      {control}
      {error && (
        <div className="field-error" id={errorId} role="alert">
          {error}
        </div>
      )}
      {!error && help && <div className="field-help">{help}</div>}
    </div>
  );
}
