/** An error (role alert) and a notice (role status) line, shown only when there is text. */
export function Banners({ error, notice }: { error?: string | null; notice?: string | null }) {
  return (
    <>
      {error ? (
        <div className="error-banner" role="alert">
          {error}
        </div>
      ) : null}
      {notice ? (
        <div className="notice-banner" role="status">
          {notice}
        </div>
      ) : null}
    </>
  );
}
