/* Declarations of the runtime hooks and the debug locations of calls to them. */
#include "CracePass.h"

#include "llvm/IR/DebugInfoMetadata.h"

using namespace llvm;

namespace crace {

namespace {

/* Declares a hook extern_weak, so instrumented programs link without the
 * runtime, and nounwind, so calls to it stay plain calls (no invoke, no
 * landing pad). 8- and 16-bit integers are zero-extended as the C ABI of
 * uint8_t/uint16_t requires. */
FunctionCallee declareHook(Module &M, StringRef Name, Type *Ret,
			   ArrayRef<Type *> Params)
{
	FunctionCallee Hook = M.getOrInsertFunction(
		Name, FunctionType::get(Ret, Params, false));
	auto *F = dyn_cast<Function>(Hook.getCallee());
	if (!F)
		return Hook;
	if (F->isDeclaration())
		F->setLinkage(GlobalValue::ExternalWeakLinkage);
	F->addFnAttr(Attribute::NoUnwind);
	for (unsigned I = 0; I < Params.size(); I++)
		if (Params[I]->isIntegerTy() &&
		    Params[I]->getIntegerBitWidth() < 32)
			F->addParamAttr(I, Attribute::ZExt);
	if (Ret->isIntegerTy() && Ret->getIntegerBitWidth() < 32)
		F->addRetAttr(Attribute::ZExt);
	return Hook;
}

/* Suffixes of the read-modify-write hooks, by operation. */
const std::pair<AtomicRMWInst::BinOp, const char *> RMWHookNames[] = {
	{AtomicRMWInst::Xchg, "exchange"}, {AtomicRMWInst::Add, "fetch_add"},
	{AtomicRMWInst::Sub, "fetch_sub"}, {AtomicRMWInst::And, "fetch_and"},
	{AtomicRMWInst::Or, "fetch_or"},   {AtomicRMWInst::Xor, "fetch_xor"},
	{AtomicRMWInst::Nand, "fetch_nand"},
};

} // namespace

Hooks::Hooks(Module &M)
{
	LLVMContext &Ctx = M.getContext();
	Type *Void = Type::getVoidTy(Ctx);
	Int8PtrTy = Type::getInt8PtrTy(Ctx);
	Int32Ty = Type::getInt32Ty(Ctx);
	IntptrTy = M.getDataLayout().getIntPtrType(Ctx);

	Init = declareHook(M, "__crace_init", Void, {Int32Ty});
	for (unsigned I = 0; I < 5; I++) {
		std::string Bytes = std::to_string(1u << I);
		Read[I] = declareHook(M, "__crace_read" + Bytes, Void,
				      {Int8PtrTy});
		Write[I] = declareHook(M, "__crace_write" + Bytes, Void,
				       {Int8PtrTy});
	}
	ReadRange = declareHook(M, "__crace_read_range", Void,
				{Int8PtrTy, IntptrTy});
	WriteRange = declareHook(M, "__crace_write_range", Void,
				 {Int8PtrTy, IntptrTy});
	FuncEntry = declareHook(M, "__crace_func_entry", Void, {Int8PtrTy});
	FuncExit = declareHook(M, "__crace_func_exit", Void, {});

	for (unsigned I = 0; I < 4; I++) {
		unsigned Bits = 8u << I;
		Type *Ty = Type::getIntNTy(Ctx, Bits);
		std::string Prefix = "__crace_atomic" + std::to_string(Bits);
		AtomicLoad[I] = declareHook(M, Prefix + "_load", Ty,
					    {Int8PtrTy, Int32Ty});
		AtomicStore[I] = declareHook(M, Prefix + "_store", Void,
					     {Int8PtrTy, Ty, Int32Ty});
		AtomicCompareExchange[I] = declareHook(
			M, Prefix + "_compare_exchange_val", Ty,
			{Int8PtrTy, Ty, Ty, Int32Ty, Int32Ty});
		for (const auto &[Op, Name] : RMWHookNames)
			AtomicRMW[Op][I] =
				declareHook(M, Prefix + "_" + Name, Ty,
					    {Int8PtrTy, Ty, Int32Ty});
	}
	ThreadFence = declareHook(M, "__crace_atomic_thread_fence", Void,
				  {Int32Ty});
	SignalFence = declareHook(M, "__crace_atomic_signal_fence", Void,
				  {Int32Ty});

	Memcpy = declareHook(M, "__crace_memcpy", Int8PtrTy,
			     {Int8PtrTy, Int8PtrTy, IntptrTy});
	Memmove = declareHook(M, "__crace_memmove", Int8PtrTy,
			      {Int8PtrTy, Int8PtrTy, IntptrTy});
	Memset = declareHook(M, "__crace_memset", Int8PtrTy,
			     {Int8PtrTy, Int32Ty, IntptrTy});
}

DebugLoc functionLocation(const Function &F)
{
	DISubprogram *SP = F.getSubprogram();
	if (!SP)
		return DebugLoc();
	return DILocation::get(F.getContext(), SP->getLine(), 0, SP);
}

HookBuilder::HookBuilder(Instruction *I) : IRBuilder<>(I)
{
	if (!getCurrentDebugLocation())
		SetCurrentDebugLocation(functionLocation(*I->getFunction()));
}

} // namespace crace
