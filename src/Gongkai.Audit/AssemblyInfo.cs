// Gongkai.Audit: rule descriptors, the rule engine and findings. Rules read the model only.
namespace Gongkai.Audit;
