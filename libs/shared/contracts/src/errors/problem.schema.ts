import { z } from 'zod';

/** One invalid field of a request, as reported in a validation problem. */
export const FieldIssueSchema = z.object({
  path: z.string(),
  code: z.string(),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof FieldIssueSchema>;

/** RFC 9457 problem details, with NEXO's stable `code` and the request id. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  code: z.string(),
  requestId: z.string(),
  errorId: z.string().optional(),
  issues: z.array(FieldIssueSchema).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;
