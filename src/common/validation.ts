import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { AppError, type FieldProblem } from './errors.js';

/** Flattens nested validation errors into `filter.search`-style field paths. */
export function fieldProblems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...fieldProblems(e.children ?? [], field)];
  });
}

/** Validates every argument and input; failures are BAD_USER_INPUT naming each field. */
export const validationPipe = new ValidationPipe({
  transform: true,
  whitelist: true,
  forbidNonWhitelisted: true,
  exceptionFactory: (errors) => {
    const fields = fieldProblems(errors);
    const summary = fields.map((f) => f.messages.join('; ')).join('; ');
    return AppError.badInput(`Invalid input: ${summary}`, fields);
  },
});
